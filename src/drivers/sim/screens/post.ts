/**
 * From a draft (or a picked video) to Post: the editor, the post screen (43.1.4 / 47.0.3 dump
 * shape), the "Who can view" bottom sheet and "More options" with the Save to device switch.
 */
import type { Compose } from '../model/state.js';
import { switchText } from '../model/texts.js';
import type { UiNode } from '../ui/node.js';
import { builder, C, type ScreenCtx } from './build.js';

/** The editor (A.4): the right rail of tools and Next at the bottom right. */
export function editorScreen(ctx: ScreenCtx, withPicker: UiNode[]): UiNode[] {
  const { n, tap } = builder(ctx);
  const t = ctx.t;
  const rail = [t.settings, t.share, t.edit, 'Text', 'Stickers', 'Effects'].map((d, i) =>
    n(C.BTN, [933, 193 + i * 137, 1080, 330 + i * 137], {
      desc: d,
      clickable: true,
      tap: tap('none'),
      key: `editor.rail.${i}`,
    }),
  );
  return [
    ...withPicker,
    n(C.FL, [0, 0, 1080, 2400], { idKey: 'editor.root', blocksTouches: true }, [
      n(C.BTN, [32, 193, 137, 298], {
        idKey: 'editor.back',
        desc: '@2131888269',
        clickable: true,
        tap: tap('back'),
      }),
      ...rail,
      n(C.FL, [32, 2123, 534, 2239], { idKey: 'editor.story', clickable: true, tap: tap('none') }, [
        n(C.TV, [238, 2154, 430, 2207], { idKey: 'editor.storyLabel', text: t.yourStory }),
      ]),
      n(C.FL, [545, 2123, 1048, 2239], { idKey: 'editor.next', clickable: true, tap: tap('editorNext') }, [
        n(C.TV, [753, 2154, 840, 2207], { idKey: 'editor.nextLabel', text: t.next }),
      ]),
    ]),
  ];
}

function row(
  ctx: ScreenCtx,
  key: string,
  y: number,
  h: number,
  label: string,
  desc: string,
  icon: string,
  sub: string | undefined,
  action: string,
): UiNode {
  const { n, tap } = builder(ctx);
  const kids = [
    n(C.IV, [42, y + 42, 95, y + 95], { idKey: 'post.rowIcon', desc: icon, key: `${key}.icon` }),
    n(C.TV, [116, y + 45, 900, y + 95], { idKey: 'post.rowLabel', text: label, key: `${key}.label` }),
  ];
  if (sub)
    kids.push(
      n(C.TV, [116, y + 114, 1038, y + 160], { idKey: 'post.rowSubtitle', text: sub, key: `${key}.sub` }),
    );
  return n(
    C.BTN,
    [0, y, 1080, y + h],
    { idKey: 'post.row', key, desc, clickable: true, tap: tap(action) },
    kids,
  );
}

/**
 * "Add a catchy title" (some 43.1.4 builds, tiktok-ui.md C.5, YallaPapi/geelark-automation 152910):
 * an EditText `g1c` first in document order, above the caption. Variant titleField.
 */
function titleField(ctx: ScreenCtx, c: Compose): UiNode[] {
  if (!ctx.state.variants.titleField) return [];
  const { n, tap } = builder(ctx);
  return [
    n(C.ET, [42, 270, 673, 330], {
      idKey: 'post.title',
      text: c.title || ctx.t.titleHint,
      hint: ctx.t.titleHint,
      clickable: true,
      focusable: true,
      tap: tap('focusCaption'),
      input: tap('setTitle'),
    }),
  ];
}

/** The post screen. With the keyboard open, Post moves to the top right (43.1.4 A.6). */
export function postScreen(ctx: ScreenCtx, c: Compose): UiNode[] {
  const { n, tap } = builder(ctx);
  const t = ctx.t;
  const kb = c.keyboard;
  const rows = [
    row(
      ctx,
      'post.privacyRow',
      1250,
      140,
      t.privacyRow[c.privacy],
      t.privacyRow[c.privacy],
      t.privacyIcon[c.privacy],
      undefined,
      'openPrivacy',
    ),
    row(
      ctx,
      'post.privacySettingsRow',
      1390,
      240,
      t.privacySettings,
      t.privacySettingsDesc,
      'Lock',
      t.privacySettingsSub,
      'none',
    ),
    row(
      ctx,
      'post.moreOptionsRow',
      1630,
      143,
      t.moreOptions,
      `${t.moreOptions}, ${t.moreOptionsSub}`,
      t.settings,
      t.moreOptionsSub,
      'openMoreOptions',
    ),
  ];
  const scroll = n(C.SV, [0, 249, 1080, 2147], { idKey: 'post.scroll', scrollable: true }, [
    n(C.RL, [0, 249, 1080, 803], { idKey: 'post.header' }, [
      ...titleField(ctx, c),
      n(C.ET, [42, ctx.state.variants.titleField ? 350 : 270, 673, 677], {
        idKey: 'post.caption',
        text: c.caption || t.captionHint,
        hint: t.captionHint,
        clickable: true,
        focusable: true,
        focused: kb,
        tap: tap('focusCaption'),
        input: tap('setCaption'),
      }),
      // The cover's desc is an unresolved string reference on 43.1.4 (anonymised on 47.0.3).
      n(C.IV, [715, 270, 1038, 661], {
        idKey: 'post.cover',
        desc: '@2131888107',
        clickable: true,
        tap: tap('none'),
      }),
      n(C.TV, [741, 291, 872, 336], { idKey: 'post.preview', text: t.preview }),
      n(C.TV, [731, 533, 1022, 645], { idKey: 'post.editCover', text: t.editCover }),
    ]),
    n(C.LL, [42, 719, 568, 803], { idKey: 'post.extraButtons' }, [
      n(C.BTN, [42, 719, 289, 803], {
        idKey: 'post.hashtags',
        text: t.hashtags,
        clickable: true,
        tap: tap('none'),
      }),
      n(C.BTN, [315, 719, 542, 803], {
        idKey: 'post.mention',
        text: t.mention,
        clickable: true,
        tap: tap('none'),
      }),
    ]),
    n(
      C.VG,
      [0, 868, 1080, 1005],
      { idKey: 'post.row', key: 'post.locationRow', clickable: true, tap: tap('none') },
      [
        n(C.TV, [116, 910, 339, 960], {
          idKey: 'post.rowLabel',
          text: t.location,
          key: 'post.locationRow.label',
        }),
      ],
    ),
    row(ctx, 'post.addLinkRow', 1110, 140, t.addLink, t.addLink, t.add, undefined, 'none'),
    ...rows,
    n(C.LL, [42, 1815, 1006, 1878], { key: 'post.shareRow' }, [
      n(C.IV, [42, 1820, 95, 1873], { idKey: 'post.shareIcon', desc: t.share }),
      n(C.TV, [116, 1821, 345, 1871], { idKey: 'post.shareLabel', text: t.shareTo }),
    ]),
  ]);
  const top = n(C.FL, [0, 132, 1080, 248], { key: 'post.top' }, [
    n(C.BTN, [16, 132, 131, 248], {
      idKey: 'post.back',
      desc: '@2131888269',
      clickable: true,
      tap: tap('back'),
    }),
    ...(kb
      ? [
          n(C.BTN, [846, 152, 1038, 236], {
            idKey: 'post.postTop',
            text: t.post,
            clickable: true,
            tap: tap('post'),
          }),
        ]
      : []),
  ]);
  const bottom = kb
    ? []
    : [
        n(C.RL, [0, 2147, 1080, 2337], { idKey: 'post.bottom' }, [
          n(C.LL, [32, 2179, 1048, 2305], { idKey: 'post.bottomBar' }, [
            n(C.BTN, [32, 2179, 529, 2305], {
              idKey: 'post.drafts',
              text: ctx.profile.changes?.saveDraftLabel ? t.saveDraft : t.draftsButton,
              clickable: true,
              tap: tap('saveDraft'),
            }),
            n(C.BTN, [550, 2179, 1048, 2305], {
              idKey: 'post.post',
              text: t.post,
              clickable: true,
              tap: tap('post'),
            }),
          ]),
        ]),
      ];
  return [n(C.RL, [0, 0, 1080, 2400], { idKey: 'post.root', blocksTouches: true }, [top, scroll, ...bottom])];
}

/** "Who can view this post" (trill 44.4.3 calibration): closes itself after a choice. */
export function privacySheet(ctx: ScreenCtx, under: UiNode[], current: Compose['privacy']): UiNode[] {
  const { n, tap } = builder(ctx);
  const t = ctx.t;
  const opt = (level: Compose['privacy'], label: string, y: number, asText: boolean) =>
    asText
      ? n(
          C.VG,
          [0, y, 1080, y + 150],
          {
            clickable: true,
            tap: tap('choosePrivacy', { level }),
            key: `privacy.${level}`,
            selected: current === level,
          },
          [n(C.TV, [42, y + 50, 700, y + 100], { text: label, key: `privacy.${level}.label` })],
        )
      : n(C.VG, [0, y, 1080, y + 150], {
          desc: label,
          clickable: true,
          tap: tap('choosePrivacy', { level }),
          key: `privacy.${level}`,
          selected: current === level,
        });
  return [
    ...under,
    n(C.V, [0, 0, 1080, 1200], { key: 'privacy.scrim', clickable: true, tap: tap('back') }),
    n(C.FL, [0, 1200, 1080, 2400], { idKey: 'privacy.sheet', desc: t.bottomSheet, blocksTouches: true }, [
      n(C.RL, [0, 1200, 1080, 2400], { idKey: 'privacy.root' }, [
        n(C.TV, [300, 1240, 780, 1300], { idKey: 'privacy.title', text: t.privacySettings }),
        n(C.BTN, [960, 1230, 1060, 1310], {
          desc: t.close,
          clickable: true,
          tap: tap('back'),
          key: 'privacy.close',
        }),
        n(C.TV, [42, 1340, 1038, 1400], { idKey: 'privacy.question', text: t.whoCanView }),
        opt('everyone', t.everyone, 1430, false),
        opt('friends', t.friends === 'Ami(e)s' ? 'Ami(e)s' : 'Friends', 1580, true),
        opt('only_you', t.onlyYou, 1730, false),
      ]),
    ]),
  ];
}

/** "More options": the Save to device row, a text node followed by a FrameLayout holding a Switch. */
export function moreOptionsScreen(ctx: ScreenCtx, c: Compose): UiNode[] {
  const { n, tap } = builder(ctx);
  const t = ctx.t;
  const toggle = (key: string, y: number, label: string, on: boolean, action: string) =>
    n(C.LL, [0, y, 1080, y + 150], { key, clickable: true, tap: tap(action) }, [
      n(C.TV, [42, y + 45, 800, y + 105], {
        text: label,
        key: `${key}.label`,
        clickable: true,
        tap: tap(action),
      }),
      n(C.FL, [900, y + 40, 1038, y + 110], { key: `${key}.frame` }, [
        n(C.SW, [900, y + 40, 1038, y + 110], {
          text: switchText(on),
          checkable: true,
          checked: on,
          clickable: true,
          tap: tap(action),
          key: `${key}.switch`,
          idKey: 'more.switch',
        }),
      ]),
    ]);
  return [
    n(C.FL, [0, 0, 1080, 2400], { idKey: 'more.root', blocksTouches: true }, [
      n(C.BTN, [16, 132, 131, 248], { idKey: 'more.back', desc: t.back, clickable: true, tap: tap('back') }),
      n(C.TV, [300, 150, 780, 230], { idKey: 'more.title', text: t.moreOptions }),
      toggle('more.saveToDevice', 300, t.saveToDevice, c.saveToDevice, 'toggleSaveToDevice'),
      toggle('more.highQuality', 450, t.highQuality, false, 'none'),
      toggle('more.reuse', 600, t.reuse, true, 'none'),
    ]),
  ];
}

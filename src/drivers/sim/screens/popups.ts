/**
 * The pop-ups TikTok shows at launch and at random (tiktok-ui.md §1.2), and the fault overlay
 * that blocks taps but is absent from the accessibility tree.
 */
import type { ShownPopup } from '../model/state.js';
import type { UiNode } from '../ui/node.js';
import { builder, C, type ScreenCtx } from './build.js';

/** The nodes of a pop-up, drawn over the screen. */
export function popupNodes(ctx: ScreenCtx, kind: ShownPopup): UiNode[] {
  const { n, tap } = builder(ctx);
  const t = ctx.t;
  const dismiss = tap('popup');
  switch (kind) {
    case 'notif':
      return [
        n(C.FL, [0, 1500, 1080, 2400], { idKey: 'popup.notif.root', blocksTouches: true }, [
          n(C.TV, [42, 1600, 1038, 1700], { text: t.notifTitle, key: 'popup.notif.title' }),
          n(C.BTN, [42, 2100, 529, 2230], {
            idKey: 'popup.notif.notNow',
            text: t.notNow,
            clickable: true,
            tap: dismiss,
          }),
          n(C.BTN, [551, 2100, 1038, 2230], {
            idKey: 'popup.notif.turnOn',
            text: t.turnOn,
            clickable: true,
            tap: dismiss,
          }),
        ]),
      ];
    case 'contacts':
      return [
        n(
          C.FL,
          [80, 800, 1000, 1600],
          { idKey: 'popup.contacts.dialog', desc: t.dialog, blocksTouches: true },
          [
            n(C.TV, [120, 850, 960, 1150], { idKey: 'popup.contacts.text', text: t.contactsText }),
            n(C.BTN, [120, 1300, 960, 1420], {
              text: t.openSettings,
              clickable: true,
              tap: dismiss,
              key: 'popup.contacts.settings',
            }),
            n(C.BTN, [120, 1440, 960, 1560], {
              text: t.dontAllow,
              clickable: true,
              tap: dismiss,
              key: 'popup.contacts.deny',
            }),
          ],
        ),
      ];
    case 'collections':
      return [
        n(C.V, [0, 77, 1080, 2400], { idKey: 'popup.collections.scrim', clickable: true, tap: dismiss }),
        n(
          C.FL,
          [0, 564, 1080, 2400],
          { idKey: 'popup.collections.sheet', desc: t.bottomSheet, blocksTouches: true },
          [
            n(C.IV, [88, 674, 992, 1078], { idKey: 'popup.collections.intro', desc: t.intro }),
            n(C.TV, [88, 1122, 992, 1332], { idKey: 'popup.collections.title', text: t.collectionsTitle }),
            n(C.IV, [88, 1420, 154, 1486], { desc: t.share, key: 'popup.collections.shareIcon' }),
            n(C.TV, [187, 1420, 992, 1524], { text: t.collectionsInvite, key: 'popup.collections.invite' }),
            n(C.TV, [187, 1590, 992, 1746], { idKey: 'popup.collections.body', text: t.collectionsBody }),
            n(C.IV, [88, 1812, 154, 1824], { desc: t.person, key: 'popup.collections.personIcon' }),
            n(C.TV, [187, 1812, 992, 1824], { text: t.collectionsFind, key: 'popup.collections.find' }),
            n(C.BTN, [88, 1901, 529, 2044], {
              idKey: 'popup.collections.notNow',
              text: t.notNow,
              clickable: true,
              tap: dismiss,
            }),
            n(C.BTN, [551, 1901, 992, 2044], {
              idKey: 'popup.collections.try',
              text: t.tryIt,
              clickable: true,
              tap: dismiss,
            }),
            n(C.IV, [941, 575, 1063, 697], {
              idKey: 'popup.collections.close',
              desc: t.close,
              clickable: true,
              tap: dismiss,
            }),
          ],
        ),
      ];
    case 'follow':
      return [
        n(C.FL, [0, 900, 1080, 2400], { key: 'popup.follow', blocksTouches: true }, [
          n(C.TV, [42, 950, 900, 1030], { idKey: 'popup.follow.title', text: t.followTitle }),
          n(C.IV, [960, 940, 1060, 1040], {
            idKey: 'popup.follow.close',
            desc: t.close,
            clickable: true,
            tap: dismiss,
          }),
        ]),
      ];
    case 'tip':
      // 48.2.0: a card over the whole post screen; only "Got it" keeps it away (Back just hides it).
      return [
        n(C.FL, [0, 0, 1080, 2400], { key: 'popup.tip', blocksTouches: true }, [
          n(C.FL, [80, 900, 1000, 1560], { idKey: 'popup.tip.card', desc: t.dialog }, [
            n(C.TV, [130, 950, 950, 1030], { idKey: 'popup.tip.title', text: t.tipTitle }),
            n(C.TV, [130, 1060, 950, 1300], { idKey: 'popup.tip.body', text: t.tipBody }),
            n(C.BTN, [130, 1400, 950, 1510], {
              idKey: 'popup.tip.gotIt',
              text: t.gotIt,
              clickable: true,
              tap: tap('gotIt'),
            }),
          ]),
        ]),
      ];
    case 'unknown':
      // A dialog no watcher of the flows knows: it blocks the screen until Back or a restart.
      return [
        n(C.FL, [80, 900, 1000, 1500], { key: 'popup.unknown', blocksTouches: true }, [
          n(C.TV, [120, 950, 960, 1050], { text: t.unknownTitle, key: 'popup.unknown.title' }),
          n(C.BTN, [120, 1350, 960, 1460], { text: t.unknownLater, key: 'popup.unknown.later' }),
        ]),
      ];
    case 'gdpr':
    case 'linkEmail':
    case 'security':
      return [launchSheet(ctx, kind)];
    case 'update':
      // The real update prompt carries no text, desc or id: bare FrameLayout/ViewGroup nodes
      // (tt4314_fr_update_prompt.xml). Only its shape, a tap on its button area or Back gets rid of it.
      return [
        {
          cls: C.FL,
          pkg: ctx.profile.packageName,
          id: 'android:id/content',
          bounds: [0, 0, 1080, 2400],
          key: 'popup.update',
          blocksTouches: true,
          children: [
            {
              cls: C.VG,
              pkg: ctx.profile.packageName,
              bounds: [0, 0, 1080, 2400],
              children: [
                {
                  cls: C.VG,
                  pkg: ctx.profile.packageName,
                  bounds: [152, 562, 928, 1658],
                  children: [
                    {
                      cls: C.VG,
                      pkg: ctx.profile.packageName,
                      bounds: [200, 1480, 880, 1600],
                      clickable: true,
                      tap: dismiss,
                    },
                  ],
                },
              ],
            },
          ],
        },
      ];
  }
}

/**
 * Launch sheets over any screen (tiktok-ui.md C.1, §1.2): the GDPR/EEA notice (text `w4m`, a "Got it"
 * / "J'ai compris" Button with no resource-id: masterFuf/taktik-bot `shell/popups.py`), "Link email"
 * with "Not now" (taktik selectors) and the security checkup with "Close" (ghost `_KNOWN_POPUPS`, 44.3.3).
 * Their full wordings are INFERRED around the quoted fragments.
 */
function launchSheet(ctx: ScreenCtx, kind: 'gdpr' | 'linkEmail' | 'security'): UiNode {
  const { n, tap } = builder(ctx);
  const t = ctx.t;
  const dismiss = tap('popup');
  const [title, body, button] =
    kind === 'gdpr'
      ? [
          undefined,
          t.gdprText,
          n(C.BTN, [42, 2150, 1038, 2280], {
            text: t.gotIt,
            clickable: true,
            tap: dismiss,
            key: 'popup.gdpr.ok',
          }),
        ]
      : kind === 'linkEmail'
        ? [
            t.linkEmail,
            t.linkEmailBody,
            n(C.BTN, [42, 2150, 1038, 2280], {
              text: t.notNow,
              clickable: true,
              tap: dismiss,
              key: 'popup.linkEmail.notNow',
            }),
          ]
        : [
            t.securityTitle,
            t.securityBody,
            n(C.IV, [960, 1660, 1060, 1760], {
              desc: t.close,
              clickable: true,
              tap: dismiss,
              key: 'popup.security.close',
            }),
          ];
  return n(C.FL, [0, 1640, 1080, 2400], { key: `popup.${kind}`, desc: t.bottomSheet, blocksTouches: true }, [
    ...(title ? [n(C.TV, [42, 1680, 900, 1760], { text: title, key: `popup.${kind}.title` })] : []),
    n(C.TV, [42, 1780, 1038, 2100], { idKey: `popup.${kind}.text`, text: body }),
    button,
  ]);
}

/** The invisible overlay (fault): covers the screen, absorbs taps, only a screenshot shows it. */
export function overlayNode(ctx: ScreenCtx): UiNode {
  return {
    cls: C.FL,
    pkg: ctx.profile.packageName,
    bounds: [0, 600, 1080, 2400],
    hidden: true,
    blocksTouches: true,
    color: [254, 44, 85],
    key: 'overlay',
  };
}

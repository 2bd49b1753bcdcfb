/** The own-video player with its "..." menu, the camera, and the gallery picker (restore path). */
import { galleryReadable } from '../model/permissions.js';
import { galleryDirs } from '../model/posting.js';
import type { UiNode } from '../ui/node.js';
import { builder, C, type ScreenCtx } from './build.js';

/**
 * The own video's sheet (tiktok-ui.md C.9, B.2, §4.3): a sideways-scrolling row of actions. The
 * save entry is on its first screen ("Download" on 47.0.3 and in 2026, "Save video" in the 14.7.4
 * strings: variant shareSave); Delete comes only after a sideways swipe of the row (repo A, Aug 2026;
 * trill VI `v3` "Xóa"), and a RecyclerView keeps off-screen items out of the tree.
 */
function shareSheet(ctx: ScreenCtx, scroll: number): UiNode[] {
  const { n, tap } = builder(ctx);
  const t = ctx.t;
  const save = ctx.state.variants.shareSave === 'download' ? t.download : t.saveVideo;
  const actions: [string, string][] = [
    ['saveVideo', save],
    ['none', t.privacySettings],
    ['none', t.pin],
    ['none', t.duet],
    ['none', t.addToStory],
    // 48.2.0 moved Delete into a "More options" sheet behind the row (model/profile-48.ts).
    ctx.profile.changes?.deleteInMoreOptions
      ? ['playerMoreOptions', t.moreOptions]
      : ['deletePost', t.delete],
  ];
  const visible = actions
    .map((a, i) => [a, i - scroll] as const)
    .filter(([, col]) => col >= 0 && col < SHARE_COLUMNS);
  return [
    n(C.V, [0, 0, 1080, 1500], { key: 'player.scrim', clickable: true, tap: tap('back') }),
    n(C.FL, [0, 1500, 1080, 2400], { idKey: 'share.sheet', desc: t.bottomSheet, blocksTouches: true }, [
      n(C.TV, [42, 1530, 1038, 1590], { idKey: 'share.title', text: t.share }),
      n(
        C.RV,
        [0, 1700, 1080, 1900],
        { idKey: 'share.row', key: 'share.row', scrollable: true },
        visible.map(([[action, label], col]) =>
          n(
            C.BTN,
            [42 + col * 250, 1700, 262 + col * 250, 1900],
            { desc: label, clickable: true, tap: tap(action), key: `share.${action}.${label}` },
            [
              n(C.TV, [42 + col * 250, 1850, 262 + col * 250, 1890], {
                text: label,
                key: `share.${action}.${label}.label`,
              }),
            ],
          ),
        ),
      ),
    ]),
  ];
}

/** 48.2.0's "More options" sheet behind the share row: Delete alone (model/profile-48.ts). */
function moreOptionsSheet(ctx: ScreenCtx): UiNode {
  const { n, tap } = builder(ctx);
  const t = ctx.t;
  return n(
    C.FL,
    [0, 1500, 1080, 2400],
    { idKey: 'share.more.sheet', desc: t.bottomSheet, blocksTouches: true },
    [
      n(C.TV, [42, 1530, 1038, 1590], { idKey: 'share.more.title', text: t.moreOptions }),
      n(C.RV, [0, 1700, 1080, 1900], { idKey: 'share.more.row', scrollable: true }, [
        n(
          C.BTN,
          [42, 1700, 262, 1900],
          { desc: t.delete, clickable: true, tap: tap('deletePost'), key: 'share.more.deletePost.0' },
          [n(C.TV, [42, 1850, 262, 1890], { text: t.delete, key: 'share.more.deletePost.0.label' })],
        ),
      ]),
    ],
  );
}

/** Columns of the share row on screen at once. */
const SHARE_COLUMNS = 4;

/** Own video: "..." opens the share sheet. */
export function playerScreen(
  ctx: ScreenCtx,
  s: { postId: string; menu: boolean; confirmDelete: boolean; moreMenu?: boolean; shareScroll?: number },
): UiNode[] {
  const { n, tap } = builder(ctx);
  const t = ctx.t;
  const post = ctx.state.posts.find((p) => p.id === s.postId);
  const nodes: UiNode[] = [
    n(C.FL, [0, 0, 1080, 2400], { key: 'player.root', blocksTouches: true }, [
      n(C.V, [0, 0, 1080, 2208], { idKey: 'feed.video', desc: t.video, clickable: true, tap: tap('none') }),
      n(C.BTN, [16, 132, 131, 248], {
        idKey: 'player.back',
        desc: t.back,
        clickable: true,
        tap: tap('back'),
      }),
      n(C.BTN, [912, 1320, 1080, 1478], {
        idKey: 'feed.like',
        desc: t.likeVideo,
        clickable: true,
        tap: tap('none'),
      }),
      n(C.IV, [930, 1980, 1060, 2100], {
        idKey: 'player.more',
        desc: t.moreMenu,
        clickable: true,
        tap: tap('playerMenu'),
      }),
      n(C.TV, [32, 2046, 870, 2097], { idKey: 'feed.desc', text: post?.caption ?? '' }),
    ]),
  ];
  if (s.menu) nodes.push(...shareSheet(ctx, s.shareScroll ?? 0));
  if (s.menu && s.moreMenu) nodes.push(moreOptionsSheet(ctx));
  if (s.confirmDelete) {
    nodes.push(
      n(C.FL, [0, 0, 1080, 2400], { key: 'player.confirm', blocksTouches: true }, [
        n(C.TV, [150, 1000, 930, 1080], { text: t.deleteQ, key: 'player.confirm.title' }),
        n(C.BTN, [150, 1200, 530, 1320], {
          text: t.cancel,
          clickable: true,
          tap: tap('confirmDeletePost', { ok: false }),
          key: 'player.confirm.cancel',
        }),
        n(C.BTN, [550, 1200, 930, 1320], {
          text: t.delete,
          desc: t.delete,
          clickable: true,
          tap: tap('confirmDeletePost', { ok: true }),
          key: 'player.confirm.ok',
        }),
      ]),
    );
  }
  return nodes;
}

/**
 * The camera's gallery entry (tiktok-ui.md C.10): never a content-desc or text of its own. 43.1.4
 * `ymg` [0,2081][210,2239] (YallaPapi/geelark-automation 164453), in another run with a sibling
 * TextView `ymu` "UPLOAD" beside it; trill 44.4.3 `zne` (longNguyen010203/TikTok-Manager); the
 * readable `upload_hot_area` on 46.6.3 en and 47.0.3 [0,2118][210,2314] (enkaku, manhwatok, taktik).
 */
function galleryEntry(ctx: ScreenCtx): UiNode[] {
  const { n, tap } = builder(ctx);
  const v = ctx.state.variants.galleryEntry;
  const hot = v === 'hot-area';
  const entry = n(C.FL, hot ? [0, 2118, 210, 2314] : [0, 2081, 210, 2239], {
    idKey: hot ? 'camera.hotArea' : 'camera.gallery',
    // The simulated iPhone names elements by their visible labels (ui/ios-xml.ts).
    ...(ctx.state.platform === 'ios' ? { desc: ctx.t.upload } : {}),
    clickable: true,
    tap: tap('openGallery'),
  });
  if (v !== 'labelled') return [entry];
  return [
    n(C.FL, [0, 2081, 420, 2239], { key: 'camera.galleryRow' }, [
      entry,
      n(C.TV, [220, 2130, 420, 2190], { idKey: 'camera.uploadLabel', text: ctx.t.upload.toUpperCase() }),
    ]),
  ];
}

/** The camera (A.2): the gallery thumbnail at the bottom left opens the picker. */
export function cameraScreen(ctx: ScreenCtx): UiNode[] {
  const { n, tap } = builder(ctx);
  return [
    n(C.FL, [0, 0, 1080, 2400], { idKey: 'camera.root', blocksTouches: true }, [
      n(C.IV, [32, 193, 148, 309], {
        idKey: 'camera.close',
        desc: ctx.t.close,
        clickable: true,
        tap: tap('back'),
      }),
      n(C.TV, [456, 198, 686, 314], { idKey: 'camera.sound', text: 'Add sound' }),
      ...galleryEntry(ctx),
      n(C.FL, [395, 1752, 684, 2041], {
        idKey: 'camera.record',
        desc: '@2131888184',
        clickable: true,
        tap: tap('none'),
      }),
    ]),
  ];
}

/** The gallery picker (A.3): newest videos first; selecting one shows Next. */
export function pickerScreen(
  ctx: ScreenCtx,
  s: { selected?: string; multi?: boolean; picks?: string[] },
): UiNode[] {
  const { n, tap } = builder(ctx);
  const t = ctx.t;
  // Photos-and-videos permission denied or limited: the grid is empty, silently (model/permissions.ts).
  const dirs = galleryReadable(ctx.state) ? galleryDirs(ctx.state, ctx.store) : [];
  const files = dirs
    .flatMap((d) => ctx.store.list(d))
    .filter((f) => f.path.toLowerCase().endsWith('.mp4'))
    .sort((a, b) => b.mtimeMs - a.mtimeMs)
    .slice(0, 12);
  const tiles = files.map((f, i) => {
    const x = (i % 4) * 270;
    const y = 400 + Math.floor(i / 4) * 270;
    const sel = s.multi ? !!s.picks?.includes(f.path) : f.path === s.selected;
    // Select multiple: each ticked video shows its number, in the order ticked (A.3).
    const order = s.multi ? (s.picks ?? []).indexOf(f.path) + 1 : 0;
    return n(
      C.FL,
      [x, y, x + 268, y + 268],
      {
        idKey: 'picker.tile',
        key: `picker.${i}`,
        desc: `Video ${i + 1}`,
        clickable: true,
        selected: sel,
        tap: tap('pickerSelect', { path: f.path }),
      },
      [
        n(C.TV, [x + 150, y + 220, x + 260, y + 260], {
          idKey: 'picker.duration',
          text: '00:02',
          key: `picker.${i}.dur`,
        }),
        ...(order > 0
          ? [n(C.TV, [x + 200, y + 10, x + 258, y + 68], { text: String(order), key: `picker.${i}.order` })]
          : []),
      ],
    );
  });
  return [
    n(C.FL, [0, 0, 1080, 2400], { idKey: 'picker.root', blocksTouches: true }, [
      n(C.IV, [42, 167, 105, 230], {
        idKey: 'picker.close',
        desc: t.close,
        clickable: true,
        tap: tap('back'),
      }),
      n(C.TV, [445, 173, 586, 223], { idKey: 'picker.recents', text: t.recents }),
      n(C.TV, [68, 262, 228, 380], { text: t.all, key: 'picker.all' }),
      n(C.TV, [280, 262, 475, 380], { text: t.videos, key: 'picker.videos' }),
      n(C.GV, [0, 400, 1080, 2100], { idKey: 'picker.grid' }, tiles),
      ...(s.selected || s.picks?.length
        ? [
            n(C.BTN, [700, 2180, 1048, 2305], {
              idKey: 'picker.next',
              text: t.next,
              clickable: true,
              tap: tap('pickerNext'),
            }),
          ]
        : [
            n(
              C.FL,
              [32, 2137, 354, 2337],
              { idKey: 'picker.multi', clickable: true, tap: tap('pickerMulti') },
              [n(C.TV, [111, 2214, 354, 2261], { idKey: 'picker.multiLabel', text: t.selectMultiple })],
            ),
          ]),
    ]),
  ];
}

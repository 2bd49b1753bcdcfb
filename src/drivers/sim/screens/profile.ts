/** The own profile (header, tabs, "Drafts: N" tile, video grid) and the drafts grid. */
import { uploadProgress } from '../model/posting.js';
import type { Post } from '../model/state.js';
import type { UiNode } from '../ui/node.js';
import { builder, C, type ScreenCtx } from './build.js';
import { bottomNav } from './common.js';

const COLS: [number, number][] = [
  [0, 358],
  [361, 719],
  [722, 1080],
];

/** Profile with the tab strip (43.1.4 FR dump: vrc tabs, gxd grid, e52 tiles, cover, xxy). */
export function profileScreen(ctx: ScreenCtx, tab: 'videos' | 'private'): UiNode[] {
  const { n, tap } = builder(ctx);
  const t = ctx.t;
  const header = [
    n(C.BTN, [765, 169, 828, 232], { idKey: 'profile.viewsIcon', desc: t.profileViews }),
    n(C.TV, [808, 195, 849, 232], { idKey: 'profile.views', text: '12' }),
    n(C.IV, [849, 148, 954, 253], { desc: t.share, key: 'profile.share' }),
    n(C.BTN, [954, 148, 1059, 253], {
      desc: t.profileMenu,
      clickable: true,
      tap: tap('none'),
      key: 'profile.menu',
    }),
    n(C.BTN, [0, 324, 305, 584], { idKey: 'profile.avatar', desc: t.profilePhoto }),
    n(C.BTN, [305, 395, 608, 461], {
      idKey: 'profile.name',
      text: 'draftvault sim',
      clickable: true,
      tap: tap('none'),
    }),
    n(C.BTN, [305, 461, 689, 513], {
      idKey: 'profile.handle',
      text: `@${ctx.state.device}`,
      clickable: true,
      tap: tap('none'),
    }),
    ...stat(ctx, 0, count(ctx, 36), t.followingLabel),
    ...stat(ctx, 1, count(ctx, 111), t.followersLabel),
    ...stat(ctx, 2, count(ctx, 1338), t.likesLabel),
    n(C.TV, [95, 784, 330, 831], { idKey: 'profile.studio', text: t.studio }),
  ];
  const tabs: ['videos' | 'private' | 'favorites' | 'liked', string][] = [
    ['videos', t.videos],
    ['private', t.privateVideos],
    ['favorites', t.favorites],
    ['liked', t.liked],
  ];
  const strip = n(
    C.HSV,
    [42, 857, 1038, 962],
    { idKey: 'profile.tabs' },
    tabs.map(([k, label], i) =>
      n(
        C.RL,
        [42 + i * 249, 857, 291 + i * 249, 962],
        {
          desc: label,
          clickable: true,
          selected: k === tab,
          key: `profile.tab.${k}`,
          tap: k === 'videos' || k === 'private' ? tap('profileTab', { tab: k }) : tap('none'),
        },
        [
          n(C.IV, [132 + i * 249, 880, 190 + i * 249, 938], {
            idKey: 'profile.tabIcon',
            desc: t.tabIcons[i],
            key: `profile.tabIcon.${k}`,
          }),
        ],
      ),
    ),
  );
  const tiles: UiNode[] = [];
  if (tab === 'videos' && ctx.state.drafts.length > 0) tiles.push(draftsTile(ctx));
  const posts = ctx.state.posts.filter((p) =>
    tab === 'private' ? p.privacy === 'only_you' : p.privacy !== 'only_you',
  );
  for (const p of posts) {
    if (tiles.length >= 9) break;
    tiles.push(postTile(ctx, p, tiles.length));
  }
  if (tiles.length === 0)
    tiles.push(n(C.TV, [300, 1200, 780, 1260], { idKey: 'profile.empty', text: t.noVideos }));
  const grid = n(C.GV, [0, 963, 1080, 2208], { idKey: 'profile.grid', scrollable: posts.length > 9 }, tiles);
  return [
    n(C.FL, [0, 132, 1080, 2208], { idKey: 'profile.root' }, [
      ...header.slice(0, 4),
      n(C.LL, [0, 269, 1080, 2337], { idKey: 'profile.content' }, [...header.slice(4), strip, grid]),
    ]),
    bottomNav(ctx, 'profile'),
  ];
}

/** A count as the app prints it in its language ("1,338", "1 338"). */
function count(ctx: ScreenCtx, n: number): string {
  return new Intl.NumberFormat(ctx.state.locale === 'fr' ? 'fr-FR' : 'en-US').format(n);
}

function stat(ctx: ScreenCtx, i: number, value: string, label: string): UiNode[] {
  const { n } = builder(ctx);
  const x = 42 + i * 229;
  return [
    n(C.TV, [x, 605, x + 120, 663], { idKey: 'profile.statValue', text: value, key: `profile.stat${i}` }),
    n(C.TV, [x, 658, x + 150, 700], {
      idKey: 'profile.statLabel',
      text: label,
      key: `profile.statLabel${i}`,
    }),
  ];
}

function tileBounds(i: number): [number, number, number, number] {
  const [x1, x2] = COLS[i % 3]!;
  const y = 963 + Math.floor(i / 3) * 480;
  return [x1, y, x2, y + 477];
}

/** "Drafts: N" (ghost rid map 44.3.3: yfk; text starts with "Drafts:"). */
function draftsTile(ctx: ScreenCtx): UiNode {
  const { n, tap } = builder(ctx);
  const b = tileBounds(0);
  return n(C.FL, b, { idKey: 'profile.draftsTile', clickable: true, tap: tap('openDrafts') }, [
    n(C.IV, b, { idKey: 'profile.draftsCover', key: 'profile.draftsCover' }),
    n(C.TV, [b[0] + 20, b[3] - 90, b[2] - 20, b[3] - 40], {
      idKey: 'profile.draftsBanner',
      text: ctx.t.draftsBanner(ctx.state.drafts.length),
    }),
  ]);
}

function postTile(ctx: ScreenCtx, p: Post, i: number): UiNode {
  const { n, tap } = builder(ctx);
  const b = tileBounds(i);
  const pct = p.status === 'uploading' ? uploadProgress(ctx.state, p.id, ctx.now) : undefined;
  const kids: UiNode[] = [
    n(C.IV, b, {
      idKey: 'profile.cover',
      key: `tile.${p.id}.cover`,
      clickable: true,
      tap: tap('openPost', { id: p.id }),
    }),
  ];
  if (pct !== undefined) {
    kids.push(
      n(C.V, [b[0] + 20, b[3] - 80, b[2] - 20, b[3] - 60], {
        idKey: 'profile.tileProgressBar',
        key: `tile.${p.id}.bar`,
      }),
      n(C.TV, [b[2] - 111, b[3] - 52, b[2] - 16, b[3] - 13], {
        idKey: 'profile.tileProgress',
        text: ctx.t.percent(pct),
        key: `tile.${p.id}.pct`,
      }),
    );
    // An uploading tile has no e52 wrapper in the 43.1.4 dump: its cover is the tile.
    return n(C.FL, b, { key: `tile.${p.id}.uploading` }, kids);
  } else {
    kids.push(
      n(C.TV, [b[0] + 11, b[3] - 53, b[2], b[3] - 11], {
        idKey: 'profile.tileViews',
        text: '0',
        key: `tile.${p.id}.views`,
      }),
    );
  }
  return n(
    C.FL,
    b,
    { idKey: 'profile.tile', key: `tile.${p.id}`, clickable: true, tap: tap('openPost', { id: p.id }) },
    kids,
  );
}

/** The drafts grid, with Select mode and the delete confirmation. */
export function draftsScreen(
  ctx: ScreenCtx,
  s: { selecting: boolean; selected: string[]; confirm: boolean; scroll: number },
): UiNode[] {
  const { n, tap } = builder(ctx);
  const t = ctx.t;
  const top = [
    n(C.IV, [16, 140, 131, 256], { idKey: 'drafts.back', desc: t.back, clickable: true, tap: tap('back') }),
    n(C.TV, [380, 160, 700, 236], { idKey: 'drafts.title', text: t.draftsTitle }),
    n(C.TV, [860, 160, 1040, 236], {
      idKey: 'drafts.select',
      text: s.selecting ? t.cancel : t.select,
      clickable: true,
      tap: tap('draftsSelect'),
    }),
    n(C.TV, [42, 270, 1038, 380], { idKey: 'drafts.info', text: t.draftsInfo }),
  ];
  const cells: UiNode[] = [];
  const first = s.scroll * 3;
  ctx.state.drafts.slice(first, first + 15).forEach((d, j) => {
    const i = j;
    const [x1, x2] = COLS[i % 3]!;
    const y = 420 + Math.floor(i / 3) * 380;
    const b = [x1, y, x2, y + 377] as const;
    const kids: UiNode[] = [
      n(C.IV, b, { idKey: 'drafts.thumb', key: `draft.${d.id}.thumb` }),
      n(C.TV, [x1 + 12, y + 300, x2 - 12, y + 360], {
        idKey: 'drafts.caption',
        text: d.caption,
        key: `draft.${d.id}.caption`,
      }),
    ];
    if (s.selecting) {
      const on = s.selected.includes(d.id);
      kids.push(
        n('android.widget.CheckBox', [x2 - 80, y + 12, x2 - 12, y + 80], {
          idKey: 'drafts.check',
          checkable: true,
          checked: on,
          key: `draft.${d.id}.check`,
        }),
      );
    }
    cells.push(
      n(
        C.FL,
        b,
        { idKey: 'drafts.cell', key: `draft.${d.id}`, clickable: true, tap: tap('draftCell', { id: d.id }) },
        kids,
      ),
    );
  });
  const grid = n(
    C.RV,
    [0, 420, 1080, 2337],
    { idKey: 'drafts.grid', scrollable: ctx.state.drafts.length > 15, key: 'drafts.grid' },
    cells,
  );
  const nodes: UiNode[] = [n(C.FL, [0, 132, 1080, 2400], { idKey: 'drafts.root' }, [...top, grid])];
  if (s.selecting) {
    nodes.push(
      n(C.BTN, [32, 2200, 1048, 2330], {
        idKey: 'drafts.delete',
        text: t.deleteN(s.selected.length),
        clickable: true,
        enabled: s.selected.length > 0,
        tap: tap('draftsDelete'),
      }),
    );
  }
  if (s.confirm) {
    nodes.push(
      n(C.FL, [0, 0, 1080, 2400], { key: 'drafts.confirm', blocksTouches: true }, [
        n(C.TV, [150, 1000, 930, 1080], {
          idKey: 'drafts.confirmTitle',
          text: t.deleteDraftsQ(s.selected.length),
        }),
        n(C.BTN, [150, 1200, 530, 1320], {
          idKey: 'drafts.confirmCancel',
          text: t.cancel,
          clickable: true,
          tap: tap('draftsConfirm', { ok: false }),
        }),
        n(C.BTN, [550, 1200, 930, 1320], {
          idKey: 'drafts.confirmDelete',
          text: t.delete,
          clickable: true,
          tap: tap('draftsConfirm', { ok: true }),
        }),
      ]),
    );
  }
  return nodes;
}

/** Pieces shared by several screens: the bottom navigation and the upload progress badge. */
import { uploadProgress } from '../model/posting.js';
import type { UiNode } from '../ui/node.js';
import { builder, C, type ScreenCtx } from './build.js';

type Tab = 'home' | 'friends' | 'create' | 'inbox' | 'profile';

/** The bottom bar (desc + text child per tab; Create has no label), as on 43.1.4 and 46.6.3. */
export function bottomNav(ctx: ScreenCtx, selected?: Tab): UiNode {
  const { n, tap } = builder(ctx);
  const tabs: [Tab, string][] = [
    ['home', ctx.t.home],
    ['friends', ctx.t.friends],
    ['create', ctx.t.create],
    ['inbox', ctx.t.inbox],
    ['profile', ctx.t.profile],
  ];
  return n(
    C.LL,
    [0, 2208, 1080, 2337],
    { idKey: 'nav.bar' },
    tabs.map(([tab, label], i) => {
      const b = [i * 216, 2208, (i + 1) * 216, 2337] as const;
      const isCreate = tab === 'create';
      return n(
        isCreate ? C.BTN : C.FL,
        b,
        {
          idKey: `nav.${tab}`,
          desc: label,
          clickable: true,
          selected: tab === selected,
          tap: tap('nav', { to: tab }),
        },
        isCreate
          ? []
          : [
              n(C.TV, [b[0], 2288, b[2], 2322], {
                text: label,
                selected: tab === selected,
                key: `nav.${tab}.label`,
              }),
            ],
      );
    }),
  );
}

/**
 * The floating upload badge: a separate window at the top left with "NN%" (46.6.3 dump shape:
 * uio > fk4 > tvProgress, thumbnail c0r). Shown while any upload runs.
 */
export function uploadBadge(ctx: ScreenCtx): UiNode | undefined {
  const u = ctx.state.uploads[0];
  if (!u) return undefined;
  const pct = uploadProgress(ctx.state, u.postId, ctx.now) ?? 0;
  const { n } = builder(ctx);
  return n(C.FL, [32, 284, 150, 442], { key: 'upload.window' }, [
    n(C.VG, [32, 284, 150, 442], { idKey: 'upload.window' }, [
      n(C.IV, [32, 284, 150, 442], { idKey: 'upload.thumb' }),
      n(C.FL, [56, 330, 127, 397], { idKey: 'upload.ring' }, [
        n(C.TV, [56, 344, 127, 383], { idKey: 'upload.badge', text: ctx.t.percent(pct) }),
      ]),
    ]),
  ]);
}

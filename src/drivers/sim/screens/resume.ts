/**
 * "Continue editing this post?" after TikTok was killed with an unposted edit (tiktok-ui.md C.1,
 * §0.6, §1.2). Variant resumeBanner:
 * - `tree`: a clickable LinearLayout over the feed, text `u5t`, Buttons `urb` "Save draft" and
 *   `u5p` "Edit" (viandwi24/enkaku `screen-feed-resume-edit-banner.json`, trill, id-ID/en);
 * - `invisible`: the same on screen, absent from the uiautomator tree; only a screenshot shows the
 *   red "Edit" (ghost-in-the-droid `adb.py` `_dismiss_draft_overlay`, 44.3.3).
 * Either way it absorbs taps on the feed and bottom bar under it. Its layout is INFERRED.
 */
import type { UiNode } from '../ui/node.js';
import { builder, C, type ScreenCtx } from './build.js';

/** The banner's nodes, drawn over the feed. */
export function resumeBanner(ctx: ScreenCtx): UiNode[] {
  const { n, tap } = builder(ctx);
  const t = ctx.t;
  const hidden = ctx.state.variants.resumeBanner === 'invisible';
  return [
    n(
      C.LL,
      [0, 1500, 1080, 2337],
      {
        idKey: 'resume.root',
        clickable: true,
        blocksTouches: true,
        hidden,
        color: [22, 24, 35],
        key: 'resume',
      },
      [
        n(C.TV, [60, 1560, 1020, 1660], {
          idKey: 'resume.title',
          text: t.resumeTitle,
          color: [255, 255, 255],
        }),
        n(C.BTN, [60, 1900, 520, 2040], {
          idKey: 'resume.save',
          text: t.resumeSave,
          clickable: true,
          tap: tap('resumeSave'),
          color: [60, 60, 70],
        }),
        // TikTok's red: the pixel ghost-in-the-droid looks for.
        n(C.BTN, [560, 1900, 1020, 2040], {
          idKey: 'resume.edit',
          text: t.resumeEdit,
          clickable: true,
          tap: tap('resumeEdit'),
          color: [254, 44, 85],
        }),
      ],
    ),
  ];
}

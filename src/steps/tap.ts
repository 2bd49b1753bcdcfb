/**
 * `tap`: wait for an element and tap it, or tap a point of the screen. With `until`, wait for
 * the element the tap should bring; when it does not come, tap again (at most `attempts` times)
 * only if there is evidence the tap was lost: a pop-up watcher cleared something meanwhile, or
 * the tapped element is still on screen (the tap changed nothing, e.g. it landed on a pop-up's
 * button). Otherwise it fails. `onLost: back` presses Back before tapping again when nothing on
 * screen explains the lost tap (no pop-up was cleared): an overlay absent from the tree absorbed
 * it, like "Continue editing this post?" on 44.3.3, whose only way out from the tree is Back
 * (../shared/tiktok-ui.md §0.6). Every tap passes the action gate.
 * @example
 * ```yaml
 * - tap: nav.profile
 * - tap: { selector: editor.next, until: post.privacyRow }
 * - tap: { selector: { text: Post }, timeout: 10s, label: post it }
 * - tap: { point: "50%,92%" }
 * - tap: { selector: nav.profile, until: profile.privateTab, onLost: back }
 * ```
 */
import { z } from 'zod';
import { DraftvaultError } from '../errors.js';
import { nthArg, nthOf, pointArg, resolvePoint, selectorRef, selectorShorthand } from './common.js';
import { defineStep } from './types.js';

export const tap = defineStep({
  name: 'tap',
  summary: 'wait for an element and tap it, or tap a point (until: what should appear after)',
  main: (a) => a.selector ?? a.point,
  args: z
    .object({
      selector: selectorRef.optional(),
      point: pointArg.optional(),
      until: selectorRef.optional().describe('what the tap should bring on screen'),
      attempts: z.number().int().min(1).max(5).default(3).describe('taps at most, when pop-ups absorb them'),
      onLost: z
        .enum(['retry', 'back'])
        .default('retry')
        .describe('back: press Back before tapping again when no pop-up explains the lost tap'),
      nth: nthArg,
    })
    .strict()
    .refine((a) => (a.selector === undefined) !== (a.point === undefined), {
      message: 'give exactly one of selector or point',
    }),
  shorthand: selectorShorthand,
  selectors: (a) => [...(a.selector ? [a.selector] : []), ...(a.until ? [a.until] : [])],
  async run(ctx, a) {
    // A first, short look for the result; a lost tap is retried then, a slow screen gets the rest.
    const glance = Math.min(2000, Math.floor(ctx.timeoutMs / 2));
    for (let i = 1; ; i++) {
      const cleared = ctx.popupsCleared();
      if (a.point) await ctx.device.tapAt(resolvePoint(a.point, await ctx.device.windowSize()));
      else {
        await ctx.device.tap(await ctx.find(a.selector!, undefined, nthOf(ctx, a.nth)));
      }
      if (!a.until || (await ctx.isVisible(a.until, glance))) return;
      const lost =
        ctx.popupsCleared() !== cleared || (a.selector !== undefined && (await ctx.isVisible(a.selector, 0)));
      if (lost && i < a.attempts) {
        if (a.onLost === 'back' && ctx.popupsCleared() === cleared) await ctx.device.back();
        continue;
      }
      if (!lost && (await ctx.isVisible(a.until, ctx.timeoutMs - glance))) return;
      const until = typeof a.until === 'string' ? a.until : 'the expected element';
      const tapped = typeof a.selector === 'string' ? a.selector : 'the tapped element';
      // Still there after every tap and no watcher cleared anything: something covers it.
      const covered = lost
        ? `; ${tapped} is still on screen after ${i} taps: something in front of it takes them (a pop-up no watcher knows? see the screenshot, then add a watcher for it)`
        : '';
      throw new DraftvaultError('E_ASSERTION_FAILED', 'the tap did not bring what it should', {
        hint: `after the tap, ${until} did not appear${covered}`,
      });
    }
  },
});

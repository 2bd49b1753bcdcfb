/**
 * `dismissPopups`: clear every known pop-up (the selector files' watchers) until none shows
 * for `settle`. Use it after launching: a pop-up over the bottom bar absorbs taps on elements
 * that are still present behind it, so waiting for the element is not enough.
 * @example
 * ```yaml
 * - dismissPopups
 * - dismissPopups: { settle: 1s, max: 10 }
 * ```
 */
import { z } from 'zod';
import { duration } from '../core/fields.js';
import { waitUntil } from '../core/wait.js';
import { defineStep } from './types.js';

export const dismissPopups = defineStep({
  name: 'dismissPopups',
  summary: 'clear known pop-ups until none shows for a while',
  args: z
    .object({
      settle: duration.default(500).describe('how long no pop-up must show'),
      max: z.number().int().min(1).max(50).default(10).describe('at most this many pop-ups'),
    })
    .strict(),
  shorthand: () => ({}),
  async run(ctx, a) {
    // Each pop-up cleared restarts the quiet period; `max` bounds a pop-up that keeps coming back.
    // A look is one combined lookup of every watcher; four looks per quiet period notice a late
    // pop-up well within it (and the finder still clears one that shows up later, on a miss).
    for (let cleared = 0; cleared < a.max; cleared++) {
      const popup = await waitUntil(async () => ((await ctx.clearPopups()) ? true : undefined), {
        timeoutMs: a.settle,
        intervalMs: Math.max(100, Math.ceil(a.settle / 4)),
        signal: ctx.signal,
      });
      if (!popup) return;
    }
  },
});

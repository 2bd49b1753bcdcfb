/**
 * `dismissPopups`: clear every known pop-up (the selector files' watchers) until none shows
 * for `settle`, or until the `until` element shows. Use it after launching: the launch pop-ups
 * come one after another (each a window of its own that hides the screen below, tiktok-ui.md
 * C.1), and the screen the flow wants is there only once the last one is gone.
 * @example
 * ```yaml
 * - dismissPopups
 * - dismissPopups: { settle: 1s, max: 10 }
 * - dismissPopups: { until: nav.profile, settle: 300ms }
 * ```
 */
import { z } from 'zod';
import { duration } from '../core/fields.js';
import { waitUntil } from '../core/wait.js';
import { selectorRef } from './common.js';
import { defineStep } from './types.js';

export const dismissPopups = defineStep({
  name: 'dismissPopups',
  summary: 'clear known pop-ups until none shows for a while, or until an element shows',
  args: z
    .object({
      settle: duration.default(500).describe('how long no pop-up must show'),
      max: z.number().int().min(1).max(50).default(10).describe('at most this many pop-ups'),
      until: selectorRef.optional().describe('stop as soon as this shows (no pop-up is in front of it)'),
    })
    .strict(),
  shorthand: () => ({}),
  selectors: (a) => (a.until ? [a.until] : []),
  async run(ctx, a) {
    // Each pop-up cleared restarts the quiet period; `max` bounds a pop-up that keeps coming back.
    // A look is one combined lookup of every watcher (and, with `until`, one lookup of it first:
    // the screen the flow wants ends the step without waiting out the quiet period). Four looks
    // per quiet period notice a late pop-up well within it; the finder still clears one that
    // shows up later, on a miss.
    for (let cleared = 0; cleared < a.max; cleared++) {
      let looks = 0;
      const seen = await waitUntil(
        async () => {
          if (a.until && (await ctx.present(a.until))) return 'until' as const;
          // The watchers that cost a lookup of their own from the second look on.
          return (await ctx.clearPopups(looks++ > 0)) ? ('popup' as const) : undefined;
        },
        { timeoutMs: a.settle, intervalMs: Math.max(100, Math.ceil(a.settle / 4)), signal: ctx.signal },
      );
      if (seen !== 'popup') return;
    }
  },
});

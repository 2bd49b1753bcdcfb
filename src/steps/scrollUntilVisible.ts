/**
 * `scrollUntilVisible`: swipe until an element shows up (bounded).
 * @example
 * ```yaml
 * - scrollUntilVisible: { selector: { text: "beach day" }, on: drafts.grid, maxSwipes: 20 }
 * ```
 */
import { z } from 'zod';
import { DraftvaultError } from '../errors.js';
import { selectorRef } from './common.js';
import { swipeIn } from './swipe.js';
import { defineStep } from './types.js';

export const scrollUntilVisible = defineStep({
  name: 'scrollUntilVisible',
  summary: 'swipe until an element is on screen',
  main: (a) => a.selector,
  args: z
    .object({
      selector: selectorRef,
      direction: z.enum(['up', 'down', 'left', 'right']).default('up'),
      on: selectorRef.optional(),
      maxSwipes: z.number().int().min(1).max(200).default(10),
    })
    .strict(),
  shorthand: (s) => ({ selector: s }),
  selectors: (a) => [a.selector, ...(a.on ? [a.on] : [])],
  async run(ctx, a) {
    for (let i = 0; i <= a.maxSwipes; i++) {
      if (await ctx.isVisible(a.selector, 0)) return;
      if (i < a.maxSwipes) await swipeIn(ctx, { direction: a.direction, on: a.on, distance: 0.6 });
    }
    throw new DraftvaultError('E_ELEMENT_NOT_FOUND', `still not visible after ${a.maxSwipes} swipes`);
  },
});

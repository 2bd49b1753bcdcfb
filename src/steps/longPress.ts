/**
 * `longPress`: press and hold an element, or a point of the screen (gated like a tap).
 * @example
 * ```yaml
 * - longPress: drafts.cell
 * - longPress: { selector: drafts.cell, duration: 1.5s }
 * - longPress: { point: "20%,30%" }
 * ```
 */
import { z } from 'zod';
import { duration } from '../core/fields.js';
import { pointArg, resolvePoint, selectorRef, selectorShorthand } from './common.js';
import { defineStep } from './types.js';

export const longPress = defineStep({
  name: 'longPress',
  summary: 'press and hold an element or a point',
  main: (a) => a.selector ?? a.point,
  args: z
    .object({
      selector: selectorRef.optional(),
      point: pointArg.optional(),
      duration: duration.default(1000),
    })
    .strict()
    .refine((a) => (a.selector === undefined) !== (a.point === undefined), {
      message: 'give exactly one of selector or point',
    }),
  shorthand: selectorShorthand,
  selectors: (a) => (a.selector ? [a.selector] : []),
  async run(ctx, a) {
    const target = a.point
      ? resolvePoint(a.point, await ctx.device.windowSize())
      : await ctx.find(a.selector!);
    await ctx.device.longPress(target, a.duration);
  },
});

/**
 * `swipe`: a finger swipe across the screen or an element, or from one point to another. `up`
 * moves the finger up (the content scrolls down). Every swipe passes the action gate: a short
 * one is a tap to the phone.
 * @example
 * ```yaml
 * - swipe: up
 * - swipe: { direction: up, on: drafts.grid, distance: 0.6 }
 * - swipe: { from: "50%,80%", to: "50%,20%" }
 * ```
 */
import { z } from 'zod';
import { duration } from '../core/fields.js';
import { pointArg, resolvePoint, selectorRef } from './common.js';
import { defineStep, type StepContext } from './types.js';

const direction = z.enum(['up', 'down', 'left', 'right']);

const args = z
  .object({
    direction: direction.optional(),
    on: selectorRef.optional().describe('swipe inside this element instead of the whole screen'),
    distance: z.number().min(0.1).max(1).default(0.5).describe('fraction of the area'),
    from: pointArg.optional(),
    to: pointArg.optional(),
    duration: duration.default(250),
  })
  .strict()
  .refine((a) => (a.direction !== undefined) !== (a.from !== undefined && a.to !== undefined), {
    message: 'give a direction, or from and to',
  });

/** Swipe inside a rectangle in a direction (also used by scrollUntilVisible). */
export async function swipeIn(
  ctx: StepContext,
  a: { direction: z.infer<typeof direction>; on?: z.infer<typeof selectorRef>; distance: number },
  ms = 250,
): Promise<void> {
  const r = a.on
    ? await ctx.device.rect(await ctx.find(a.on))
    : { x: 0, y: 0, ...(await ctx.device.windowSize()) };
  const cx = r.x + r.width / 2;
  const cy = r.y + r.height / 2;
  const dx = ((a.direction === 'left' ? -1 : a.direction === 'right' ? 1 : 0) * (r.width * a.distance)) / 2;
  const dy = ((a.direction === 'up' ? -1 : a.direction === 'down' ? 1 : 0) * (r.height * a.distance)) / 2;
  await ctx.device.swipe(
    { x: Math.round(cx - dx), y: Math.round(cy - dy) },
    { x: Math.round(cx + dx), y: Math.round(cy + dy) },
    ms,
  );
}

export const swipe = defineStep({
  name: 'swipe',
  summary: 'swipe the screen (or an element) in a direction, or from one point to another',
  main: (a) => a.direction ?? `${a.from} → ${a.to}`,
  args,
  shorthand: (s) => ({ direction: s }),
  selectors: (a) => (a.on ? [a.on] : []),
  async run(ctx, a) {
    if (a.direction)
      return swipeIn(ctx, { direction: a.direction, on: a.on, distance: a.distance }, a.duration);
    const size = await ctx.device.windowSize();
    await ctx.device.swipe(resolvePoint(a.from!, size), resolvePoint(a.to!, size), a.duration);
  },
});

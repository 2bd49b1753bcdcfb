/**
 * `swipe`: a finger swipe across the screen or an element. `up` moves the finger up (the content
 * scrolls down).
 * @example
 * ```yaml
 * - swipe: up
 * - swipe: { direction: up, on: drafts.grid, distance: 0.6 }
 * ```
 */
import { z } from 'zod';
import { selectorRef } from './common.js';
import { defineStep, type StepContext } from './types.js';

const args = z
  .object({
    direction: z.enum(['up', 'down', 'left', 'right']),
    on: selectorRef.optional().describe('swipe inside this element instead of the whole screen'),
    distance: z.number().min(0.1).max(1).default(0.5).describe('fraction of the area'),
  })
  .strict();

/** Swipe inside a rectangle (also used by scrollUntilVisible). */
export async function swipeIn(ctx: StepContext, a: z.infer<typeof args>): Promise<void> {
  const r = a.on
    ? await ctx.session.getElementRect((await ctx.find(a.on)).el.elementId)
    : { x: 0, y: 0, ...(await ctx.session.getWindowSize()) };
  const cx = r.x + r.width / 2;
  const cy = r.y + r.height / 2;
  const dx = ((a.direction === 'left' ? -1 : a.direction === 'right' ? 1 : 0) * (r.width * a.distance)) / 2;
  const dy = ((a.direction === 'up' ? -1 : a.direction === 'down' ? 1 : 0) * (r.height * a.distance)) / 2;
  await ctx.session
    .action('pointer', { parameters: { pointerType: 'touch' } })
    .move({ x: Math.round(cx - dx), y: Math.round(cy - dy) })
    .down()
    .move({ x: Math.round(cx + dx), y: Math.round(cy + dy), duration: 250 })
    .up()
    .perform();
}

export const swipe = defineStep({
  name: 'swipe',
  summary: 'swipe the screen (or an element) in a direction',
  args,
  shorthand: (s) => ({ direction: s }),
  selectors: (a) => (a.on ? [a.on] : []),
  run: swipeIn,
});

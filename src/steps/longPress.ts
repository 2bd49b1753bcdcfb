/**
 * `longPress`: press and hold an element.
 * @example
 * ```yaml
 * - longPress: drafts.firstCell
 * - longPress: { selector: drafts.firstCell, duration: 1.5s }
 * ```
 */
import { z } from 'zod';
import { duration } from '../flows/fields.js';
import { selectorRef, selectorShorthand } from './common.js';
import { defineStep } from './types.js';

export const longPress = defineStep({
  name: 'longPress',
  summary: 'press and hold an element',
  args: z.object({ selector: selectorRef, duration: duration.default(1000) }).strict(),
  shorthand: selectorShorthand,
  selectors: (a) => [a.selector],
  async run(ctx, a) {
    const { el } = await ctx.find(a.selector);
    const rect = await ctx.session.getElementRect(el.elementId);
    const x = Math.round(rect.x + rect.width / 2);
    const y = Math.round(rect.y + rect.height / 2);
    await ctx.session
      .action('pointer', { parameters: { pointerType: 'touch' } })
      .move({ x, y })
      .down()
      .pause(a.duration)
      .up()
      .perform();
  },
});

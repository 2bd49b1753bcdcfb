/**
 * `clearText`: empty a field.
 * @example
 * ```yaml
 * - clearText: post.caption
 * ```
 */
import { selectorArgs, selectorShorthand } from './common.js';
import { defineStep } from './types.js';

export const clearText = defineStep({
  name: 'clearText',
  summary: 'empty a text field',
  main: (a) => a.selector,
  args: selectorArgs,
  shorthand: selectorShorthand,
  selectors: (a) => [a.selector],
  async run(ctx, a) {
    await ctx.device.clear(await ctx.find(a.selector));
  },
});

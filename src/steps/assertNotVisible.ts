/**
 * `assertNotVisible`: fail if the element is still there when the timeout ends.
 * @example
 * ```yaml
 * - assertNotVisible: { selector: upload.progress, timeout: 2s }
 * ```
 */
import { selectorArgs, selectorShorthand } from './common.js';
import { defineStep } from './types.js';

export const assertNotVisible = defineStep({
  name: 'assertNotVisible',
  summary: 'fail if an element is (still) visible',
  main: (a) => a.selector,
  args: selectorArgs,
  shorthand: selectorShorthand,
  selectors: (a) => [a.selector],
  async run(ctx, a) {
    await ctx.waitGone(a.selector);
  },
});

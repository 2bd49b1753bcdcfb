/**
 * `assertVisible`: fail unless the element shows up within the timeout.
 * @example
 * ```yaml
 * - assertVisible: post.onlyYouRow
 * ```
 */
import { DraftvaultError } from '../errors.js';
import { selectorArgs, selectorShorthand } from './common.js';
import { defineStep } from './types.js';

export const assertVisible = defineStep({
  name: 'assertVisible',
  summary: 'fail unless an element is visible',
  main: (a) => a.selector,
  args: selectorArgs,
  shorthand: selectorShorthand,
  selectors: (a) => [a.selector],
  async run(ctx, a) {
    if (!(await ctx.isVisible(a.selector, ctx.timeoutMs))) {
      throw new DraftvaultError('E_ASSERTION_FAILED', 'expected it to be visible, and it is not');
    }
  },
});

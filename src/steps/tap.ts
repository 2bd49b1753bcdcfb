/**
 * `tap`: wait for an element and tap it.
 * @example
 * ```yaml
 * - tap: nav.profile
 * - tap: { selector: { text: Post }, timeout: 10s, label: post it }
 * ```
 */
import { selectorArgs, selectorShorthand } from './common.js';
import { defineStep } from './types.js';

export const tap = defineStep({
  name: 'tap',
  summary: 'wait for an element and tap it',
  args: selectorArgs,
  shorthand: selectorShorthand,
  selectors: (a) => [a.selector],
  irreversible: true,
  async run(ctx, a) {
    await ctx.tap(await ctx.find(a.selector));
  },
});

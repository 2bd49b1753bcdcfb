/**
 * `inputText`: type into a field (replacing what is there).
 * @example
 * ```yaml
 * - inputText: { selector: post.caption, text: "${caption} #dv${marker}" }
 * ```
 */
import { z } from 'zod';
import { selectorRef, text } from './common.js';
import { defineStep } from './types.js';

export const inputText = defineStep({
  name: 'inputText',
  summary: 'type text into a field, replacing its content',
  main: (a) => a.selector,
  args: z.object({ selector: selectorRef, text }).strict(),
  selectors: (a) => [a.selector],
  async run(ctx, a) {
    await ctx.device.type(await ctx.find(a.selector), ctx.text(a.text));
  },
});

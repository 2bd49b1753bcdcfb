/**
 * `screenshot`: save a PNG of the screen (or of one element: a thumbnail) into the run folder.
 * @example
 * ```yaml
 * - screenshot: before-post
 * - screenshot: { name: "draft-${index}", selector: drafts.thumb, nth: "${index}" }
 * ```
 */
import { z } from 'zod';
import { nthArg, nthOf, selectorRef, text } from './common.js';
import { defineStep } from './types.js';

export const screenshot = defineStep({
  name: 'screenshot',
  summary: 'save a screenshot (of the screen or one element) to the run folder',
  main: (a) => a.name,
  args: z
    .object({ name: text, selector: selectorRef.optional().describe('only this element'), nth: nthArg })
    .strict(),
  shorthand: (s) => ({ name: String(s) }),
  selectors: (a) => (a.selector ? [a.selector] : []),
  async run(ctx, a) {
    const png = a.selector
      ? await ctx.device.elementScreenshot(await ctx.find(a.selector, undefined, nthOf(ctx, a.nth)))
      : await ctx.device.screenshot();
    ctx.log(`screenshot ${await ctx.artifact(`${ctx.text(a.name)}.png`, png)}`);
  },
});

/**
 * `screenshot`: save a PNG of the screen into the run folder.
 * @example
 * ```yaml
 * - screenshot: before-post
 * ```
 */
import { z } from 'zod';
import { text } from './common.js';
import { defineStep } from './types.js';

export const screenshot = defineStep({
  name: 'screenshot',
  summary: 'save a screenshot to the run folder',
  main: (a) => a.name,
  args: z.object({ name: text }).strict(),
  shorthand: (s) => ({ name: String(s) }),
  async run(ctx, a) {
    ctx.log(`screenshot ${await ctx.artifact(`${ctx.text(a.name)}.png`, await ctx.device.screenshot())}`);
  },
});

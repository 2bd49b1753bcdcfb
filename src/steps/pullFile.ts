/**
 * `pullFile`: copy a file from the phone to the computer, into the run folder (paths are relative
 * to it and cannot leave it).
 * @example
 * ```yaml
 * - pullFile: { from: "/sdcard/DCIM/Camera/${saved}", to: "${saved}" }
 * ```
 */
import { z } from 'zod';
import { text } from './common.js';
import { defineStep } from './types.js';

export const pullFile = defineStep({
  name: 'pullFile',
  summary: 'copy a file from the phone to the computer',
  main: (a) => a.from,
  args: z.object({ from: text, to: text }).strict(),
  paths: (a) => ({ device: [a.from], hostWrite: [a.to] }),
  async run(ctx, a) {
    const bytes = await ctx.device.pullFile(ctx.text(a.from));
    ctx.log(`pulled to ${await ctx.files.write(ctx.text(a.to), bytes)}`);
  },
});

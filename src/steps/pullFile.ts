/**
 * `pullFile`: copy a file from the phone to the computer (into the run folder unless absolute).
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
  args: z.object({ from: text, to: text }).strict(),
  async run(ctx, a) {
    const b64 = await ctx.session.pullFile(ctx.text(a.from));
    ctx.log(`pulled to ${await ctx.files.write(ctx.text(a.to), Buffer.from(b64, 'base64'))}`);
  },
});

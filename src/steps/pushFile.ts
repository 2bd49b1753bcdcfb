/**
 * `pushFile`: copy a file from the computer to the phone (e.g. into the gallery).
 * @example
 * ```yaml
 * - pushFile: { from: "${file}", to: "/sdcard/Movies/${name}" }
 * ```
 */
import { z } from 'zod';
import { text } from './common.js';
import { defineStep } from './types.js';

export const pushFile = defineStep({
  name: 'pushFile',
  summary: 'copy a local file to the phone',
  args: z.object({ from: text, to: text }).strict(),
  async run(ctx, a) {
    const bytes = await ctx.files.read(ctx.text(a.from));
    await ctx.session.pushFile(ctx.text(a.to), bytes.toString('base64'));
  },
});

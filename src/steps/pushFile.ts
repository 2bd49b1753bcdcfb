/**
 * `pushFile`: copy a file from the computer to the phone (e.g. into the gallery). It reads only
 * inside the flow project's folder (relative paths start there) and writes only into the phone's
 * media folders.
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
  main: (a) => a.to,
  args: z.object({ from: text, to: text }).strict(),
  paths: (a) => ({ hostRead: [a.from], device: [a.to] }),
  async run(ctx, a) {
    const bytes = await ctx.files.read(ctx.text(a.from));
    await ctx.device.pushFile(ctx.text(a.to), bytes);
  },
});

/**
 * `deleteFile`: delete a file on the phone.
 * @example
 * ```yaml
 * - deleteFile: "/sdcard/DCIM/Camera/${saved}"
 * ```
 */
import { z } from 'zod';
import { text } from './common.js';
import { defineStep } from './types.js';

export const deleteFile = defineStep({
  name: 'deleteFile',
  summary: 'delete a file on the phone',
  main: (a) => a.path,
  args: z.object({ path: text }).strict(),
  shorthand: (s) => ({ path: String(s) }),
  paths: (a) => ({ device: [a.path] }),
  async run(ctx, a) {
    await ctx.device.deleteFile(ctx.text(a.path));
  },
});

/**
 * `stopApp`: close the app.
 * @example
 * ```yaml
 * - stopApp
 * ```
 */
import { z } from 'zod';
import { text } from './common.js';
import { defineStep } from './types.js';

export const stopApp = defineStep({
  name: 'stopApp',
  summary: 'close the app',
  main: (a) => a.appId,
  args: z.object({ appId: text.optional() }).strict(),
  shorthand: (s) => (s === null ? {} : { appId: String(s) }),
  async run(ctx, a) {
    await ctx.device.stopApp(a.appId ? ctx.text(a.appId) : ctx.appId);
  },
});

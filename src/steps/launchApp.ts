/**
 * `launchApp`: start the app, or bring it to the front.
 * @example
 * ```yaml
 * - launchApp                    # the flow's app
 * - launchApp: { stopFirst: true }
 * ```
 */
import { z } from 'zod';
import { text } from './common.js';
import { defineStep } from './types.js';

export const launchApp = defineStep({
  name: 'launchApp',
  summary: 'start the app (or bring it to the front); stopFirst restarts it',
  main: (a) => a.appId,
  args: z.object({ appId: text.optional(), stopFirst: z.boolean().default(false) }).strict(),
  shorthand: (s) => (s === null ? {} : { appId: String(s) }),
  async run(ctx, a) {
    const id = a.appId ? ctx.text(a.appId) : ctx.appId;
    if (a.stopFirst) await ctx.device.stopApp(id);
    await ctx.device.launchApp(id);
  },
});

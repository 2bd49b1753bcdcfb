/**
 * `back`: the system Back key (closes keyboards, sheets and pop-ups first, like a thumb would).
 * `ifKeyboardShown: true` presses it only while the on-screen keyboard is up (`isKeyboardShown`):
 * typing into a field through UiAutomator2 does not open the keyboard (tiktok-ui.md C.14), so a
 * Back meant "to close the keyboard" would otherwise leave the screen.
 * @example
 * ```yaml
 * - back
 * - back: { times: 2 }
 * - back: { ifKeyboardShown: true }
 * ```
 */
import { z } from 'zod';
import { defineStep } from './types.js';

export const back = defineStep({
  name: 'back',
  summary: 'press the system Back key (ifKeyboardShown: only to close a shown keyboard)',
  args: z
    .object({
      times: z.number().int().min(1).max(20).default(1),
      ifKeyboardShown: z
        .boolean()
        .default(false)
        .describe('press only while the on-screen keyboard is shown (then once per press, while it is)'),
    })
    .strict(),
  shorthand: (s) => (s === null ? {} : { times: Number(s) }),
  async run(ctx, a) {
    for (let i = 0; i < a.times; i++) {
      if (a.ifKeyboardShown && !(await ctx.device.isKeyboardShown())) return;
      await ctx.device.back();
    }
  },
});

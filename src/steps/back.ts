/**
 * `back`: the system Back key (closes keyboards, sheets and pop-ups first, like a thumb would).
 * @example
 * ```yaml
 * - back
 * - back: { times: 2 }
 * ```
 */
import { z } from 'zod';
import { defineStep } from './types.js';

export const back = defineStep({
  name: 'back',
  summary: 'press the system Back key',
  args: z.object({ times: z.number().int().min(1).max(20).default(1) }).strict(),
  shorthand: (s) => (s === null ? {} : { times: Number(s) }),
  async run(ctx, a) {
    for (let i = 0; i < a.times; i++) await ctx.device.back();
  },
});

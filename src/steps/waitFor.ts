/**
 * `waitFor`: wait until an element is visible, or until it is gone (e.g. an upload badge).
 * @example
 * ```yaml
 * - waitFor: { visible: drafts.title }
 * - waitFor: { gone: upload.progress, timeout: 5m }
 * ```
 */
import { z } from 'zod';
import { selectorRef } from './common.js';
import { defineStep } from './types.js';

export const waitFor = defineStep({
  name: 'waitFor',
  summary: 'wait until an element is visible, or gone',
  main: (a) => a.visible ?? a.gone,
  args: z
    .object({ visible: selectorRef.optional(), gone: selectorRef.optional() })
    .strict()
    .refine((a) => (a.visible === undefined) !== (a.gone === undefined), {
      message: 'give exactly one of visible or gone',
    }),
  shorthand: (s) => ({ visible: s }),
  selectors: (a) => [a.visible ?? a.gone!],
  async run(ctx, a) {
    if (a.visible !== undefined) await ctx.find(a.visible);
    else await ctx.waitGone(a.gone!);
  },
});

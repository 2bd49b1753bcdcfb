/**
 * `runFlow`: run another flow file with parameters, or an inline list of steps (a group that
 * `when`, `retry` and `optional` apply to as a whole).
 * @example
 * ```yaml
 * - runFlow: dismiss-popups.yaml
 * - runFlow: { flow: open-draft.yaml, params: { index: 0 } }
 * - runFlow: { steps: [ { tap: post.privacyRow }, { tap: privacy.onlyYou } ], retry: 2 }
 * ```
 */
import { z } from 'zod';
import { text } from './common.js';
import { defineStep, type Step } from './types.js';

export const runFlow = defineStep({
  name: 'runFlow',
  summary: 'run another flow (with params) or an inline group of steps',
  main: (a) => a.flow,
  // A called flow hands back its outputs; an inline group shares this flow's scope.
  sets: (a, outputsOf) => (a.flow ? [...outputsOf(a.flow)] : []),
  args: z
    .object({
      flow: z.string().min(1).optional().describe('path relative to this flow file'),
      params: z.record(z.string(), z.union([text, z.number(), z.boolean()])).default({}),
      steps: z.array(z.unknown()).min(1).optional(),
    })
    .strict()
    .refine((a) => (a.flow === undefined) !== (a.steps === undefined), {
      message: 'give exactly one of flow or steps',
    }),
  shorthand: (s) => ({ flow: String(s) }),
  nested: ['steps'],
  async run(ctx, a) {
    if (a.steps) return ctx.runSteps(a.steps as Step[]);
    const params = Object.fromEntries(
      Object.entries(a.params).map(([k, v]) => [k, typeof v === 'string' ? ctx.value(v) : v]),
    );
    await ctx.runFlow(a.flow!, params);
  },
});

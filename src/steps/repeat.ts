/**
 * `repeat`: run steps N times, or while a condition holds (always bounded by `max`).
 * @example
 * ```yaml
 * - repeat: { times: 3, steps: [ { swipe: up } ] }
 * - repeat: { while: { visible: drafts.firstCell }, max: 500, steps: [ { runFlow: backup-one.yaml } ] }
 * ```
 */
import { z } from 'zod';
import { DraftvaultError } from '../errors.js';
import { conditionSchema, text } from './common.js';
import { defineStep, type Step } from './types.js';

export const repeat = defineStep({
  name: 'repeat',
  summary: 'run steps N times or while a condition holds (bounded by max)',
  args: z
    .object({
      times: z.union([z.number().int().min(0).max(100_000), text]).optional(),
      while: conditionSchema.optional(),
      max: z.number().int().min(1).max(100_000).default(1000),
      steps: z.array(z.unknown()).min(1),
    })
    .strict()
    .refine((a) => a.times !== undefined || a.while !== undefined, {
      message: 'give times or while (or both)',
    }),
  nested: ['steps'],
  sets: () => ['iteration'],
  selectors: (a) => [a.while?.visible, a.while?.notVisible].filter((x) => x !== undefined),
  async run(ctx, a) {
    const times =
      a.times === undefined
        ? Number.POSITIVE_INFINITY
        : Number(typeof a.times === 'string' ? ctx.value(a.times) : a.times);
    let i = 0;
    for (; i < Math.min(times, a.max); i++) {
      ctx.signal.throwIfAborted();
      if (a.while && !(await ctx.holds(a.while))) return;
      ctx.setVar('iteration', i);
      await ctx.runSteps(a.steps as Step[]);
    }
    if (a.while && i >= a.max && (await ctx.holds(a.while))) {
      throw new DraftvaultError(
        'E_ASSERTION_FAILED',
        `repeat stopped at max ${a.max} while its condition still held`,
      );
    }
  },
});

/**
 * `setVar`: set a variable (`value` may be an expression in `${...}`).
 * @example
 * ```yaml
 * - setVar: { name: left, value: "${count - 1}" }
 * ```
 */
import { z } from 'zod';
import { text } from './common.js';
import { defineStep } from './types.js';

export const setVar = defineStep({
  name: 'setVar',
  summary: 'set a variable',
  main: (a) => a.name,
  sets: (a) => [a.name],
  args: z
    .object({
      name: z.string().regex(/^[A-Za-z_]\w*$/, 'a variable name'),
      value: z.union([text, z.number(), z.boolean()]),
    })
    .strict(),
  async run(ctx, a) {
    ctx.setVar(a.name, typeof a.value === 'string' ? ctx.value(a.value) : a.value);
  },
});

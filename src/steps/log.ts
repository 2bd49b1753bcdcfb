/**
 * `log`: write a message to the run's log.
 * @example
 * ```yaml
 * - log: "drafts left: ${count}"
 * ```
 */
import { z } from 'zod';
import { text } from './common.js';
import { defineStep } from './types.js';

export const log = defineStep({
  name: 'log',
  summary: 'write a message to the log',
  main: (a) => a.message,
  args: z.object({ message: text }).strict(),
  shorthand: (s) => ({ message: String(s) }),
  async run(ctx, a) {
    ctx.log(ctx.text(a.message));
  },
});

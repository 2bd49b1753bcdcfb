/**
 * `checkScreen`: check, on the screen the phone shows now, every selector the flows need there
 * (from the flow's screens file), with the rules of `flows check`: each must find exactly one
 * node, and no pop-up watcher may match a screen that is not a pop-up. It only reads the phone.
 * The result is reported as an event; with `strict`, a failed check fails the step.
 * @example
 * ```yaml
 * screens: screens.yaml
 * steps:
 *   - checkScreen: post
 *   - checkScreen: { screen: profile, strict: true }
 * ```
 */
import { z } from 'zod';
import { DraftvaultError } from '../errors.js';
import { defineStep } from './types.js';

export const checkScreen = defineStep({
  name: 'checkScreen',
  summary: 'check the selectors the flows need on the screen shown now (reads only)',
  main: (a) => a.screen,
  args: z
    .object({
      screen: z.string().min(1).describe('a screen of the screens file'),
      strict: z.boolean().default(false).describe('fail the step when a check fails'),
    })
    .strict(),
  shorthand: (s) => ({ screen: String(s) }),
  async run(ctx, a) {
    const result = ctx.checkScreen(a.screen, await ctx.device.pageSource());
    if (a.strict && !result.ok) {
      const bad = result.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.problem}`);
      throw new DraftvaultError(
        'E_ASSERTION_FAILED',
        `screen ${a.screen}: ${bad.join('; ') || 'not the expected screen'}`,
        {
          hint: 'fix the selectors named here in the selector file (see README, "When TikTok changes its UI")',
        },
      );
    }
  },
});

/** Argument schemas shared by several step kinds. */
import { z } from 'zod';
import { duration, expression, template, versionRange } from '../core/fields.js';
import { alternativeSchema } from '../core/selectors.js';
import type { Point, StepContext } from './types.js';

/** A selector name (`nav.profile`) or one inline alternative (`{ text: Post }`). */
export const selectorRef = z.union([z.string().min(1), alternativeSchema]);

/** `{ selector: ... }` with the scalar shorthand `- tap: nav.profile`. */
export const selectorArgs = z.object({ selector: selectorRef }).strict();
export const selectorShorthand = (s: unknown) => ({ selector: s });

/** Which match of a selector (0 = first, -1 = last); may be an expression such as `${index}`. */
export const nthArg = z
  .union([z.number().int(), template])
  .optional()
  .describe('which match (0 = first, -1 = last); may be an expression');

/** The match number an `nth` argument names (undefined: the selector's own choice). */
export function nthOf(ctx: Pick<StepContext, 'value'>, nth: number | string | undefined): number | undefined {
  return nth === undefined ? undefined : Number(typeof nth === 'string' ? ctx.value(nth) : nth);
}

/** A condition (`when`, `repeat.while`). */
export const conditionSchema = z
  .object({
    visible: selectorRef.optional(),
    notVisible: selectorRef.optional(),
    platform: z.enum(['android', 'ios']).optional(),
    appVersion: versionRange.optional(),
    expr: expression.optional().describe('e.g. "count > 0 && caption != \'\'"'),
  })
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), {
    message: 'a condition needs at least one field',
  });

/** A text argument that may contain `${...}`. */
export const text = template;

/** A screen point: `"540,2200"` (pixels) or `"50%,92%"` (fractions of the screen). */
export const pointArg = z
  .string()
  .regex(/^\s*\d+(\.\d+)?%?\s*,\s*\d+(\.\d+)?%?\s*$/, 'a point "x,y" in pixels or percent, e.g. "50%,92%"')
  .describe('a point: "x,y" in pixels, or "x%,y%" of the screen');

/** The pixel position of a point argument on a screen of this size. */
export function resolvePoint(raw: string, size: { width: number; height: number }): Point {
  const [x, y] = raw.split(',').map((s) => s.trim()) as [string, string];
  const px = (v: string, full: number) =>
    v.endsWith('%') ? (Number(v.slice(0, -1)) / 100) * full : Number(v);
  return { x: Math.round(px(x, size.width)), y: Math.round(px(y, size.height)) };
}

/** `retry:` a number of attempts, or the full policy. */
const retrySchema = z.union([
  z.number().int().min(1).max(10),
  z
    .object({
      attempts: z.number().int().min(1).max(10),
      minTimeout: duration.default(500),
      factor: z.number().min(1).max(10).default(2),
    })
    .strict(),
]);

/** Fields every step may have, next to its own arguments (the parser and the editor schema use it). */
export const commonFieldsSchema = z
  .object({
    label: z.string().optional().describe('a name for this step in logs and errors'),
    timeout: duration.optional().describe('e.g. 5s, 250ms, 2m'),
    optional: z.boolean().default(false).describe('a failure of this step does not fail the flow'),
    when: conditionSchema.optional().describe('run the step only if this holds'),
    retry: retrySchema
      .optional()
      .describe('retry the step: a number of attempts, or { attempts, minTimeout, factor }'),
  })
  .strict();

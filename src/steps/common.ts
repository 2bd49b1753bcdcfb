/** Argument schemas shared by several step kinds. */
import { z } from 'zod';
import { expression, template, versionRange } from '../flows/fields.js';
import { alternativeSchema } from '../flows/selectors.js';

/** A selector name (`nav.profile`) or one inline alternative (`{ text: Post }`). */
export const selectorRef = z.union([z.string().min(1), alternativeSchema]);

/** `{ selector: ... }` with the scalar shorthand `- tap: nav.profile`. */
export const selectorArgs = z.object({ selector: selectorRef }).strict();
export const selectorShorthand = (s: unknown) => ({ selector: s });

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

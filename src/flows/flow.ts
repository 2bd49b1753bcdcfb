/**
 * A flow file: a header (name, app, platforms, app-version range, parameters, selector files,
 * default timeout) and a list of steps.
 */
import { z } from 'zod';
import type { Value } from '../core/expr.js';
import { duration, versionRange } from '../core/fields.js';
import type { Span } from '../errors.js';
import type { AnyStep } from '../steps/index.js';

const paramValue = z.union([z.string(), z.number(), z.boolean()]);

/** The header of a flow file (everything but `steps`). */
export const flowHeaderSchema = z
  .object({
    name: z.string().regex(/^[\w.-]+$/, 'letters, digits, ".", "_" or "-"'),
    description: z.string().optional(),
    appId: z.object({ android: z.string().optional(), ios: z.string().optional() }).strict().optional(),
    platforms: z
      .array(z.enum(['android', 'ios']))
      .min(1)
      .default(['android', 'ios']),
    appVersion: versionRange.optional().describe('app versions this flow is written for'),
    params: z
      .record(
        z.string().regex(/^[A-Za-z_]\w*$/, 'a parameter name'),
        z.union([
          paramValue,
          z
            .object({
              default: paramValue.optional(),
              description: z.string().optional(),
              type: z
                .enum(['string', 'number', 'boolean'])
                .optional()
                .describe('default: the type of the default'),
            })
            .strict()
            .refine((d) => d.type === undefined || d.default === undefined || typeof d.default === d.type, {
              message: 'the default does not have the declared type',
            }),
        ]),
      )
      .default({}),
    outputs: z
      .array(z.string().regex(/^[A-Za-z_]\w*$/, 'a variable name'))
      .default([])
      .describe('variables handed back to the flow that called this one'),
    selectors: z.array(z.string().min(1)).default([]).describe('selector files, relative to this file'),
    screens: z
      .string()
      .min(1)
      .optional()
      .describe('a screens file (for checkScreen steps), relative to this file'),
    timeout: duration.default(10_000).describe('default timeout of each step'),
    steps: z.array(z.unknown()),
  })
  .strict();

/** A declared parameter. */
export interface ParamDecl {
  default?: Value;
  description?: string;
  /** Its type: declared, or the type of its default (absent: any string, number or boolean). */
  type?: 'string' | 'number' | 'boolean';
}

/** Does `v` fit the declared parameter? */
export function fitsParam(decl: ParamDecl, v: Value): boolean {
  return decl.type === undefined || v === null || typeof v === decl.type;
}

/** A parsed flow. */
export interface Flow {
  file: string;
  name: string;
  description?: string;
  appId?: { android?: string; ios?: string };
  platforms: ('android' | 'ios')[];
  appVersion?: string;
  params: Record<string, ParamDecl>;
  outputs: string[];
  selectorFiles: string[];
  /** The screens file it names, if any (resolved by the loader). */
  screensFile?: string;
  timeoutMs: number;
  steps: AnyStep[];
  span: Span;
}

/**
 * `readText`: read an element's text into a variable, optionally through a regex group.
 * @example
 * ```yaml
 * - readText: { selector: profile.draftsBanner, regex: "(\\d+)", into: draftCount }
 * ```
 */
import { z } from 'zod';
import { regex } from '../core/fields.js';
import { DraftvaultError } from '../errors.js';
import { nthArg, nthOf, selectorRef } from './common.js';
import { defineStep } from './types.js';

export const readText = defineStep({
  name: 'readText',
  summary: 'capture an element text (or a regex group of it) into a variable',
  main: (a) => a.selector,
  sets: (a) => [a.into],
  args: z
    .object({
      selector: selectorRef,
      nth: nthArg,
      into: z.string().regex(/^[A-Za-z_]\w*$/, 'a variable name'),
      regex: regex.optional(),
      group: z.number().int().min(0).default(1),
      attribute: z.string().optional().describe('read this attribute instead of the text, e.g. content-desc'),
    })
    .strict(),
  selectors: (a) => [a.selector],
  async run(ctx, a) {
    const el = await ctx.find(a.selector, undefined, nthOf(ctx, a.nth));
    const raw = a.attribute
      ? ((await ctx.device.attribute(el, a.attribute)) ?? '')
      : await ctx.device.text(el);
    let value: string | number = raw;
    if (a.regex) {
      const m = new RegExp(a.regex).exec(raw);
      if (!m) throw new DraftvaultError('E_ASSERTION_FAILED', `text "${raw}" does not match /${a.regex}/`);
      value = m[a.group] ?? m[0];
    }
    ctx.setVar(a.into, /^-?\d+(\.\d+)?$/.test(String(value)) ? Number(value) : value);
  },
});

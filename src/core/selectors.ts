/**
 * Selectors are data: named, with ordered alternatives per platform and overrides per app version
 * and locale. Each carries a readable description, so "not found" says what was searched for.
 * Only the device layer (src/drivers/locators.ts) turns an alternative into a locator.
 */
import { z } from 'zod';
import { regex, versionMatches, versionRange } from './fields.js';

/** One way to find an element. Fields in one alternative must all match. */
export const alternativeSchema = z
  .object({
    text: z.string().describe('exact visible text'),
    textContains: z.string(),
    textStartsWith: z.string(),
    textMatches: regex.describe('regular expression over the whole text'),
    desc: z.string().describe('exact content-desc (Android) / accessibility label (iOS)'),
    descContains: z.string(),
    descStartsWith: z.string(),
    descMatches: regex,
    id: z.string().describe('resource-id (Android; obfuscated and version-specific in TikTok) or name (iOS)'),
    className: z.string(),
    uiautomator: z.string().describe('raw UiSelector (Android only)'),
    predicate: z.string().describe('raw NSPredicate (iOS only)'),
    classChain: z.string().describe('raw class chain (iOS only)'),
    xpath: z.string().describe('XPath: allowed, but slow on real devices and brittle; prefer text/desc'),
    index: z
      .number()
      .int()
      .describe('which match: 0 = first, -1 = last (the front-most when stale screens stay mounted)'),
    within: z.string().describe('name of a container selector to search inside'),
  })
  .partial()
  .strict()
  .refine((a) => Object.keys(a).some((k) => k !== 'index' && k !== 'within'), {
    message:
      'an alternative needs at least one of text, desc, id, className, uiautomator, predicate, classChain, xpath',
  });
export type Alternative = z.infer<typeof alternativeSchema>;

const alternatives = z.array(alternativeSchema).min(1);

/** A named selector as written in a selector file. */
export const selectorDefSchema = z
  .object({
    description: z.string().min(1),
    android: alternatives.optional(),
    ios: alternatives.optional(),
    any: alternatives.optional().describe('alternatives for every platform, tried after the platform ones'),
    overrides: z
      .array(
        z
          .object({
            appVersion: versionRange.optional(),
            locale: z.string().optional(),
            android: alternatives.optional(),
            ios: alternatives.optional(),
            any: alternatives.optional(),
          })
          .strict(),
      )
      .optional()
      .describe('tried first when their appVersion/locale match the device'),
  })
  .strict();
export type SelectorDef = z.infer<typeof selectorDefSchema>;

/** A pop-up that may interrupt any flow, and how to get rid of it. */
export const watcherSchema = z
  .object({
    name: z.string().min(1),
    selector: z
      .string()
      .min(1)
      .describe('selector name that identifies the pop-up (usually its dismiss button)'),
    action: z.enum(['tap', 'back']).default('tap'),
  })
  .strict();
export type Watcher = z.infer<typeof watcherSchema>;

/** A selector file: named selectors and watchers. */
export const selectorFileSchema = z
  .object({
    selectors: z.record(z.string().regex(/^[a-zA-Z][\w]*(\.[a-zA-Z][\w]*)*$/), selectorDefSchema).default({}),
    watchers: z.array(watcherSchema).default([]),
  })
  .strict();

/** What the device looks like, for choosing alternatives (the device's name is not needed). */
export interface DeviceFacts {
  platform: 'android' | 'ios';
  appVersion?: string;
  locale?: string;
}

/** The alternatives that apply to this device, in the order to try them. */
export function alternativesFor(def: SelectorDef, facts: DeviceFacts): Alternative[] {
  const pick = (x: { android?: Alternative[]; ios?: Alternative[]; any?: Alternative[] }) => [
    ...((facts.platform === 'ios' ? x.ios : x.android) ?? []),
    ...(x.any ?? []),
  ];
  const lang = facts.locale?.slice(0, 2).toLowerCase();
  const overrides = (def.overrides ?? []).filter(
    (o) =>
      versionMatches(facts.appVersion, o.appVersion) &&
      (!o.locale ||
        o.locale.toLowerCase() === lang ||
        o.locale.toLowerCase() === facts.locale?.toLowerCase()),
  );
  return [...overrides.flatMap(pick), ...pick(def)];
}

/** An alternative in words: `desc="Profile"`, `text~/^Drafts/`, `id=mks within nav.bar`. */
export function describeAlternative(a: Alternative): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(a)) {
    if (k === 'index' || k === 'within' || v === undefined) continue;
    parts.push(k.endsWith('Matches') ? `${k.replace('Matches', '')}~/${v}/` : `${k}=${JSON.stringify(v)}`);
  }
  if (a.index !== undefined) parts.push(`#${a.index}`);
  if (a.within) parts.push(`within ${a.within}`);
  return parts.join(' ');
}

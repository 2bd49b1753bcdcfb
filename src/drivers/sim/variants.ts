/**
 * App behaviours that differ between TikTok builds, or where the sources disagree or are silent
 * (../shared/tiktok-ui.md, Appendix C). Each is a profile option: every profile has a default
 * (the build's own when a source shows it), and a phone or session may choose the other
 * (`appium:simVariants`), so tests run the shipped flows against every variant.
 */
import { z } from 'zod';
import type { SimProfileId } from './caps.js';

/** The variants, each optional on the wire (the profile's default fills it in). */
export const simVariantsSchema = z
  .object({
    /**
     * "Continue editing this post?" after TikTok was killed mid-edit: `tree` (a clickable node over
     * the feed, trill Sept 2026, tiktok-ui.md C.1) or `invisible` (not in the uiautomator tree,
     * only a screenshot shows it: 44.3.3, §0.6/§1.2).
     */
    resumeBanner: z.enum(['tree', 'invisible']),
    /** The "Add a catchy title" field above the caption (some 43.1.4 builds, C.5). */
    titleField: z.boolean(),
    /** The privacy sheet after a pick: `closes` (trill 44.4.3, C.6) or `stays` (47.0.3, C.6). */
    privacySheet: z.enum(['closes', 'stays']),
    /** The own-video sheet's save entry: `download` (2026, C.9) or `save-video` (14.7.4 strings, B.2). */
    shareSave: z.enum(['download', 'save-video']),
    /**
     * The camera's gallery entry (C.10): a bare clickable with an obfuscated id (43.1.4 `ymg`,
     * trill 44.4.3 `zne`), the same with a sibling "UPLOAD" label (another 43.1.4 run), or the
     * readable `upload_hot_area` (46.6.3, 47.0.3). None has a content-desc.
     */
    galleryEntry: z.enum(['bare', 'labelled', 'hot-area']),
    /** French apostrophes: curly (’, most copies) or straight (' : "J'aime" in the 43.1.4 fr dump). */
    apostrophe: z.enum(['curly', 'straight']),
    /**
     * The space French puts before ":" and "%" (C.14: unsettled, the copies show plain spaces):
     * `nbsp` U+00A0, `narrow` U+202F, `plain` (an ASCII space before ":", none before "%": the
     * 43.1.4 fr dump's "94%").
     */
    frenchSpace: z.enum(['nbsp', 'narrow', 'plain']),
    /**
     * The simulated iPhone's `pushFile` (driver/ios-files.ts): `photos` (the file is imported into
     * Photos, as the XCUITest driver documents for simulators) or `file-only` (it lands on the media
     * partition but not in Photos, what the driver's AFC code does on a real device: INFERRED).
     */
    iosPush: z.enum(['photos', 'file-only']),
  })
  .strict();

/** Every variant decided. */
export type SimVariants = z.infer<typeof simVariantsSchema>;

/** What a client may send (any subset). */
export const simVariantsInput = simVariantsSchema.partial().strict();

type Choices = { [K in keyof SimVariants]: SimVariants[K][] };

// What no source settles for any build: both values, the harder one first where one is.
const OPEN: Choices = {
  resumeBanner: ['invisible', 'tree'],
  titleField: [false, true],
  privacySheet: ['stays', 'closes'],
  shareSave: ['download', 'save-video'],
  galleryEntry: ['hot-area'],
  apostrophe: ['curly', 'straight'],
  frenchSpace: ['nbsp', 'narrow', 'plain'],
  // The documented way first: the other has a test of its own (restore stops, saying why).
  iosPush: ['photos', 'file-only'],
};

/** The values a profile may take per variant (its default first): only those a source puts on that build, or none contradicts. */
export const PROFILE_VARIANT_CHOICES: Record<SimProfileId, Choices> = {
  // 43.1.4: the title field on some builds only (geelark yes, taktik no); ymg bare or labelled; "J'aime" straight.
  'tiktok-43.1.4': {
    ...OPEN,
    privacySheet: ['closes', 'stays'],
    galleryEntry: ['bare', 'labelled'],
    apostrophe: ['straight', 'curly'],
    frenchSpace: ['plain', 'nbsp', 'narrow'],
  },
  // 46.6.3: the resume banner was a tree node on a phone that read 46.6.3 (enkaku); upload_hot_area in English.
  'tiktok-46.6.3': { ...OPEN, resumeBanner: ['tree', 'invisible'] },
  // trill 44.4.3: the sheet closes itself (TikTok-Manager); gallery entry zne, or upload_hot_area on trill.
  'trill-44.4.3': {
    ...OPEN,
    resumeBanner: ['tree', 'invisible'],
    privacySheet: ['closes', 'stays'],
    galleryEntry: ['bare', 'hot-area'],
    frenchSpace: ['narrow', 'nbsp', 'plain'],
  },
  // 47.0.3: the sheet stays up after a pick (manhwatok); upload_hot_area.
  'tiktok-47.0.3': OPEN,
  // 48.2.0 is made up (model/profile-48.ts): the gallery entry keeps only its renamed id (a7u).
  'tiktok-48.2.0': { ...OPEN, galleryEntry: ['bare'] },
};

/** A profile's defaults: the first choice of each variant. */
export function defaultVariants(profile: SimProfileId): SimVariants {
  const c = PROFILE_VARIANT_CHOICES[profile];
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v[0]])) as SimVariants;
}

/**
 * The profile's defaults with `chosen` applied; one problem line per value the profile does not
 * offer (e.g. `upload_hot_area` on a build no source shows it on).
 */
export function resolveVariants(
  profile: SimProfileId,
  chosen: Partial<SimVariants> = {},
): { ok: true; variants: SimVariants } | { ok: false; problems: string[] } {
  const c = PROFILE_VARIANT_CHOICES[profile] as Record<string, unknown[]>;
  const problems = Object.entries(chosen)
    .filter(([k, v]) => v !== undefined && !c[k]?.includes(v))
    .map(
      ([k, v]) =>
        `appium:simVariants.${k} ${JSON.stringify(v)} is not offered by ${profile} (it offers ${c[k]?.map((x) => JSON.stringify(x)).join(', ')})`,
    );
  if (problems.length) return { ok: false, problems };
  const set = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== undefined));
  return { ok: true, variants: { ...defaultVariants(profile), ...set } };
}

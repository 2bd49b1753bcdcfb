/**
 * The simulated phone's capabilities: declared once here, validated by the driver at session
 * creation (bad caps fail the session with a clear message) and typed for the client side.
 * Names are sent with the `appium:` prefix, which Appium strips before the driver sees them.
 */
import { z } from 'zod';
import { problemsOf } from './problems.js';
import { simVariantsInput } from './variants.js';

/** TikTok builds the simulator can play (ids and layout per version; see model/profiles.ts). */
export const SIM_PROFILES = [
  'tiktok-43.1.4',
  'tiktok-46.6.3',
  'trill-44.4.3',
  'tiktok-47.0.3',
  'tiktok-48.2.0',
] as const;
/** One of {@link SIM_PROFILES}. */
export type SimProfileId = (typeof SIM_PROFILES)[number];

/** UI languages the simulator has texts for. */
export const SIM_LOCALES = ['en', 'fr'] as const;
/** One of {@link SIM_LOCALES}. */
export type SimLocale = (typeof SIM_LOCALES)[number];

/** What a simulated phone may be called: it names the phone's folder, so no path tricks. */
export const PHONE_NAME_RULE = '1 to 64 letters, digits, ".", "_" or "-", not starting with "."';

/**
 * A simulated phone's name ({@link PHONE_NAME_RULE}): `..`, `.`, `.hidden` and `a/b` are refused,
 * so a name can never point at the phones' home, its parent or another folder.
 */
export const phoneNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/, `must be ${PHONE_NAME_RULE}`);

/** Faults the simulator can inject (all off by default). Counts are "how many times". */
export const simFaultsSchema = z
  .object({
    /** Chance (0..1) that a random pop-up appears when a screen opens. */
    popupRate: z.number().min(0).max(1).default(0),
    /** The next N uploads fail ("Couldn't upload video..."); the draft goes back to the list. */
    uploadFailures: z.number().int().min(0).default(0),
    /** Uploads take this many times longer. */
    slowUploadFactor: z.number().min(1).max(1000).default(1),
    /** The app crashes (closes) at the Nth command counted from session start; 0 = never. */
    crashAtCommand: z.number().int().min(0).default(0),
    /**
     * The phone goes away (unplugged, battery dead) at the Nth command of the session: that and
     * every later command of the session fail as UiAutomator2's do when the phone is gone. Once:
     * the phone is back for the next session. 0 = never.
     */
    vanishAtCommand: z.number().int().min(0).default(0),
    /**
     * The same, at the first command after the session's Nth post (a phone unplugged between two
     * drafts, whatever the timing of the waits before it). Once; 0 = never.
     */
    vanishAfterPosts: z.number().int().min(0).default(0),
    /** The app crashes on the Nth tap of Post; 0 = never. */
    crashOnPost: z.number().int().min(0).default(0),
    /** The next N privacy choices silently do not stick. */
    privacyNotStick: z.number().int().min(0).default(0),
    /** Saving a video to the gallery fails: no space left. */
    storageFull: z.boolean().default(false),
    /** An overlay blocks taps on the post screen but is missing from the page source (N times). */
    invisibleOverlay: z.number().int().min(0).default(0),
    /** The gallery picker stays mounted under the editor, so two "Next" nodes match. */
    duplicateNext: z.boolean().default(false),
    /** TikTok is not installed: app state 0, activateApp fails, dumpsys knows no such package. */
    notInstalled: z.boolean().default(false),
    /** The versionName the phone reports for TikTok (dumpsys), instead of the profile's (e.g. a newer build). */
    appVersion: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,32}$/, 'must be a version name such as 49.2.0')
      .optional(),
    /**
     * A pop-up no watcher knows ("Enjoying TikTok?", closed only by Back or an app restart) opens
     * over the next N screens.
     */
    unknownPopup: z.number().int().min(0).default(0),
    /**
     * The phone disappears (USB unplugged, adb lost it) at the Nth command counted from session
     * start: that command and every later one of the session fail; 0 = never.
     */
    disconnectAtCommand: z.number().int().min(0).default(0),
  })
  .strict();
/** Faults with their defaults applied. */
export type SimFaults = z.infer<typeof simFaultsSchema>;

/** An Android runtime permission: not asked yet, granted, denied (media also: limited to picked items). */
const permission = z.enum(['ask', 'granted', 'denied']);

/**
 * TikTok's runtime permissions on the phone (tiktok-ui.md C.1, §1.2). `ask`: the system dialog
 * comes up when the app needs it (camera and microphone at the camera, photos and videos at the
 * gallery, notifications at launch). A denied media permission leaves the gallery empty.
 */
export const simPermissionsSchema = z
  .object({
    camera: permission,
    microphone: permission,
    media: z.enum(['ask', 'granted', 'limited', 'denied']),
    notifications: permission,
  })
  .partial()
  .strict();
/** Permissions as a client sends them (any subset). */
export type SimPermissionsInput = z.infer<typeof simPermissionsSchema>;

/** The simulator's own capabilities (without the `appium:` prefix). */
export const simCapsSchema = z
  .object({
    /** Any case: Selenium Grid forwards `ANDROID` / `IOS` (its Platform enum) to the node's Appium. */
    platformName: z
      .string()
      .regex(/^(android|ios)$/i, 'must be Android or iOS')
      .default('Android'),
    automationName: z.literal('DraftvaultSim').or(z.literal('draftvaultsim')),
    /** Which simulated phone (one state file each). */
    simDevice: phoneNameSchema.default('sim-1'),
    /** Folder that holds the simulated phones' state. Default `$DRAFTVAULT_HOME/sim` or `.draftvault/sim`. */
    simHome: z.string().min(1).optional(),
    /** Start from a fresh phone even if a state file exists. */
    simReset: z.boolean().default(false),
    /** Initial state (used when the phone is created or reset). */
    simDrafts: z.number().int().min(0).max(500).default(5),
    /** Videos the account has already posted publicly (they fill the profile grid). */
    simPosts: z.number().int().min(0).max(100).default(0),
    simProfile: z.enum(SIM_PROFILES).default('tiktok-43.1.4'),
    simLocale: z.enum(SIM_LOCALES).optional(),
    simSeed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
    /** Milliseconds added to every command (0 for tests; ~100 for realistic benchmarks). */
    simLatencyMs: z.number().min(0).max(10_000).default(0),
    /**
     * `real-phone`: every command answers as late as on a real phone through UiAutomator2
     * (per kind, growing with the tree; driver/cost-model.ts). For benchmarks, with simTimeScale 1.
     */
    simCostModel: z.enum(['none', 'real-phone']).default('none'),
    /** Scale of upload/save durations: 0 = instant, 1 = realistic (seconds). */
    simTimeScale: z.number().min(0).max(100).default(0),
    simFaults: simFaultsSchema.default(simFaultsSchema.parse({})),
    /**
     * Start with UiAutomator2's `enableMultiWindows` setting on: id, accessibility id, class name,
     * xpath and the page source see every window (the badge, toasts, the keyboard), as an
     * all-window `uiautomator dump` does; `-android uiautomator` still sees the active one only.
     * Off by default, as on a phone (ui/windows.ts). `updateSettings` changes it in a session.
     */
    simMultiWindows: z.boolean().default(false),
    /**
     * How UiSelector `*Matches` regexes are read (ui/java-regex.ts): `strict` desktop Java (no
     * DOTALL, ASCII \s: tiktok-ui.md C.14), the default; `device` the server's as read from its
     * bytecode (DOTALL on text and description, Unicode \s). Sources disagree: run flows on both.
     */
    simRegex: z.enum(['strict', 'device']).default('strict'),
    /** Build variants (variants.ts); each defaults to the profile's own. */
    simVariants: simVariantsInput.optional(),
    /** Runtime permissions (default: all granted, as on a phone TikTok already used; `ask` shows the dialogs). */
    simPermissions: simPermissionsSchema.optional(),
    /** Pop-ups shown one after another at the first launch of a new phone (the real app: notifications, contacts). */
    simLaunchPopups: z
      .array(
        z.enum(['notif', 'contacts', 'collections', 'follow', 'update', 'gdpr', 'linkEmail', 'security']),
      )
      .default(['notif', 'contacts']),
  })
  .passthrough();
/** The simulator's capabilities with their defaults applied (no `appium:` prefix). */
export type SimCaps = z.infer<typeof simCapsSchema>;
/** The simulator's capabilities as a client writes them (no `appium:` prefix; defaults optional). */
export type SimCapsInput = z.input<typeof simCapsSchema>;

/**
 * Validate caps (without the `appium:` prefix); returns the parsed caps or one line per problem,
 * each naming its capability (`appium:simProfile must be one of ...`).
 */
export function parseSimCaps(
  raw: Record<string, unknown>,
): { ok: true; caps: SimCaps } | { ok: false; problems: string[] } {
  const res = simCapsSchema.safeParse(raw);
  if (res.success) return { ok: true, caps: res.data };
  return {
    ok: false,
    problems: problemsOf(res.error, raw).map(
      (p) => `${p.path.length ? `appium:${p.path.join('.')}` : 'capabilities'} ${p.message}`,
    ),
  };
}

/** Prefix caps for the wire (`simDrafts` → `appium:simDrafts`). */
export function toWireCaps(caps: Partial<SimCapsInput>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(caps)) {
    if (v !== undefined) out[k === 'platformName' ? k : `appium:${k}`] = v;
  }
  return out;
}

/** Strip the wire prefix (`appium:simDrafts` → `simDrafts`), as Appium does before a driver sees caps. */
export function fromWireCaps(caps: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(caps).map(([k, v]) => [k.replace(/^appium:/, ''), v]));
}

/**
 * Simulated phones on disk, for tools around the driver (draftvault's `sim` commands, tests):
 * create or reset one, inspect one, list them. A phone is the folder `<home>/<name>/` (its
 * `state.json` and its file tree), the same folder a session with `appium:simHome` = home and
 * `appium:simDevice` = name uses.
 */
import { existsSync, readdirSync } from 'node:fs';
import { z } from 'zod';
import { PHONE_NAME_RULE, phoneNameSchema, simCapsSchema, simFaultsSchema } from './caps.js';
import { createPhone } from './model/create.js';
import { galleryDirs } from './model/posting.js';
import type { PhoneState } from './model/state.js';
import { PhonePathError, PhoneStore } from './model/store.js';
import type { Privacy } from './model/texts.js';
import { problemsOf } from './problems.js';

/** What a new phone is made of; everything but `name` has a default. */
export const phoneOptionsSchema = z
  .object({
    /** The phone's name: its folder under the phones' home. */
    name: phoneNameSchema,
    /** Drafts on the new phone, each a real MP4 (default 5). */
    drafts: simCapsSchema.shape.simDrafts,
    /** Videos the account has already posted publicly (default 0). */
    posts: simCapsSchema.shape.simPosts,
    /** TikTok build the phone runs (default `tiktok-43.1.4`). */
    profile: simCapsSchema.shape.simProfile,
    /** UI language (default: the profile's). */
    locale: simCapsSchema.shape.simLocale,
    /** Seed of everything random on the phone (default 1). */
    seed: simCapsSchema.shape.simSeed,
    /** Which OS the phone runs; fixed for its life (default `android`). */
    platform: z.enum(['android', 'ios']).default('android'),
    /** Pop-ups shown one after another at the first launch (default notifications, contacts). */
    launchPopups: simCapsSchema.shape.simLaunchPopups,
    /** Faults the phone starts with (all off by default); a session's `appium:simFaults` replaces them. */
    faults: simFaultsSchema.default(simFaultsSchema.parse({})),
  })
  .strict();

/** Options for {@link resetPhone}, as written by a caller (defaults not yet applied). */
export type PhoneOptions = z.input<typeof phoneOptionsSchema>;
/** Options for {@link resetPhone} with every default applied. */
export type ParsedPhoneOptions = z.output<typeof phoneOptionsSchema>;

/** One invalid option: which one (`""` for the whole object) and what is wrong with it. */
export interface PhoneProblem {
  /** The option's name (a key of {@link PhoneOptions}), e.g. `profile`; `faults.popupRate` for a nested one. */
  option: string;
  /** In plain words, e.g. `must be one of "tiktok-43.1.4", ...`. */
  message: string;
}

/** Why a phone operation was refused. */
export type SimPhoneErrorCode = 'invalid-options' | 'not-found' | 'unsafe-path';

/** A phone operation that was refused; nothing was changed on disk. */
export class SimPhoneError extends Error {
  override readonly name = 'SimPhoneError';
  /**
   * @param code what kind of refusal
   * @param message one line naming the phone or option
   * @param problems for `invalid-options`: every invalid option
   */
  constructor(
    readonly code: SimPhoneErrorCode,
    message: string,
    readonly problems: readonly PhoneProblem[] = [],
  ) {
    super(message);
  }
}

/** What `draftvault sim state` shows of a phone (also its `--json` shape). */
export interface PhoneSummary {
  /** The phone's name. */
  device: string;
  profile: ParsedPhoneOptions['profile'];
  locale: NonNullable<ParsedPhoneOptions['locale']>;
  app: {
    running: boolean;
    /** The screen in front (`launcher` when the app is not running). */
    screen: string;
    /** The pop-up over it, if any (`notif`, `contacts`, ...). */
    popup: string | null;
  };
  drafts: { id: string; caption: string; sha256: string; size: number; clips?: string[] }[];
  posts: {
    id: string;
    privacy: Privacy;
    status: 'uploading' | 'posted';
    /** The draft it was posted from (null for the phone's initial posts). */
    fromDraft: string | null;
    caption: string;
  }[];
  /** Videos in the gallery folders (DCIM/Camera, Movies, Download, Pictures), newest first per folder. */
  gallery: { path: string; size: number; modified: string }[];
  faults: PhoneState['faults'];
}

/** Check phone options; returns them with defaults applied, or every problem. */
export function parsePhoneOptions(
  raw: Record<string, unknown>,
): { ok: true; options: ParsedPhoneOptions } | { ok: false; problems: PhoneProblem[] } {
  const res = phoneOptionsSchema.safeParse(raw);
  if (res.success) return { ok: true, options: res.data };
  return {
    ok: false,
    problems: problemsOf(res.error, raw).map((p) => ({ option: p.path.join('.'), message: p.message })),
  };
}

/** Is `name` a valid phone name ({@link PHONE_NAME_RULE})? */
export function isValidPhoneName(name: string): boolean {
  return phoneNameSchema.safeParse(name).success;
}

function storeOf(home: string, name: string): PhoneStore {
  if (!isValidPhoneName(name)) {
    throw new SimPhoneError('invalid-options', `invalid simulated phone name ${JSON.stringify(name)}`, [
      { option: 'name', message: `must be ${PHONE_NAME_RULE}` },
    ]);
  }
  return PhoneStore.of(home, name);
}

/** Does the phone `name` exist under `home`? (False for an invalid name.) */
export function phoneExists(home: string, name: string): boolean {
  return isValidPhoneName(name) && storeOf(home, name).exists();
}

/** Names of the phones under `home`, sorted; none when the folder does not exist. */
export function listPhones(home: string): string[] {
  if (!existsSync(home)) return [];
  return readdirSync(home, { withFileTypes: true })
    .filter((e) => e.isDirectory() && phoneExists(home, e.name))
    .map((e) => e.name)
    .sort();
}

/**
 * Create the phone `options.name` under `home`, or wipe and recreate it: TikTok installed (not
 * running), the drafts, the posts, the first-launch pop-ups pending.
 * @throws SimPhoneError `invalid-options` (nothing is touched) when an option is invalid;
 *   `unsafe-path` (nothing is deleted) when the phone's folder is a link or resolves elsewhere
 */
export async function resetPhone(home: string, options: PhoneOptions): Promise<PhoneSummary> {
  const parsed = parsePhoneOptions(options as Record<string, unknown>);
  if (!parsed.ok) {
    throw new SimPhoneError(
      'invalid-options',
      parsed.problems.map((p) => `${p.option || 'options'} ${p.message}`).join('; '),
      parsed.problems,
    );
  }
  const o = parsed.options;
  const store = storeOf(home, o.name);
  const spec = {
    platformName: o.platform === 'ios' ? 'iOS' : 'Android',
    simDevice: o.name,
    simDrafts: o.drafts,
    simPosts: o.posts,
    simProfile: o.profile,
    simLocale: o.locale,
    simSeed: o.seed,
    simFaults: o.faults,
    simTimeScale: 0,
    simLaunchPopups: o.launchPopups,
  } as const;
  try {
    return summarize(await createPhone(store, spec), store);
  } catch (err) {
    // The phone folder is a link, or resolves elsewhere: nothing was deleted.
    if (err instanceof PhonePathError) throw new SimPhoneError('unsafe-path', err.message);
    throw err;
  }
}

/**
 * The whole state of the phone `name` (what `mobile: simState` returns in a session).
 * @throws SimPhoneError `not-found` when there is no such phone, `invalid-options` for an invalid name
 */
export function loadPhone(home: string, name: string): PhoneState {
  return existing(home, name).load();
}

/**
 * What is on the phone `name`: screen, drafts, posts with their privacy, gallery files, faults.
 * @throws SimPhoneError `not-found` when there is no such phone, `invalid-options` for an invalid name
 */
export function inspectPhone(home: string, name: string): PhoneSummary {
  const store = existing(home, name);
  return summarize(store.load(), store);
}

function existing(home: string, name: string): PhoneStore {
  const store = storeOf(home, name);
  if (!store.exists()) throw new SimPhoneError('not-found', `no simulated phone ${JSON.stringify(name)}`);
  return store;
}

function summarize(s: PhoneState, store: PhoneStore): PhoneSummary {
  return {
    device: s.device,
    profile: s.profile,
    locale: s.locale,
    app: {
      running: s.app.running,
      screen: s.app.stack.at(-1)?.name ?? 'launcher',
      popup: s.app.popup ?? null,
    },
    drafts: s.drafts.map((d) => ({
      id: d.id,
      caption: d.caption,
      sha256: d.media.sha256,
      size: d.media.size,
      // A "Select multiple" draft: its clips' sha256, in order.
      ...(d.media.clips ? { clips: d.media.clips } : {}),
    })),
    posts: s.posts.map((p) => ({
      id: p.id,
      privacy: p.privacy,
      status: p.status,
      fromDraft: p.fromDraft ?? null,
      caption: p.caption,
    })),
    gallery: galleryDirs(s, store)
      .flatMap((d) => store.list(d))
      .map((f) => ({
        path: f.path,
        size: f.size,
        modified: new Date(f.mtimeMs).toISOString(),
      })),
    faults: s.faults,
  };
}

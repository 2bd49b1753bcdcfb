/**
 * A fresh simulated phone: TikTok installed (not running), N drafts each with its own real MP4,
 * the first-launch pop-ups pending.
 */
import type { SimCaps, SimPermissionsInput } from '../caps.js';
import { defaultVariants, resolveVariants } from '../variants.js';
import { encodeVideo } from './media.js';
import { getProfile } from './profiles.js';
import type { Draft, PermissionState, PhoneState, Post } from './state.js';
import type { PhoneStore } from './store.js';

/** What a new phone is made from (a subset of the capabilities). */
export type PhoneSpec = Pick<
  SimCaps,
  | 'platformName'
  | 'simDevice'
  | 'simDrafts'
  | 'simPosts'
  | 'simProfile'
  | 'simLocale'
  | 'simSeed'
  | 'simFaults'
  | 'simTimeScale'
  | 'simLaunchPopups'
  | 'simVariants'
  | 'simPermissions'
>;

const CAPTIONS = [
  'beach day',
  'cat vs cucumber',
  'recipe: 5-minute pasta',
  'dance practice',
  'sunset timelapse',
  'first try at latte art',
  'bike trail',
  'rainy window',
  'guitar riff',
  'city at night',
];

/** Permissions as asked for; what is not named is granted (TikTok was used on this phone before). */
export function permissionsOf(p: SimPermissionsInput = {}, base?: PermissionState): PermissionState {
  const g = 'granted' as const;
  const b = base ?? { camera: g, microphone: g, media: g, notifications: g, denials: {} };
  return { ...b, ...p, denials: p.media || p.camera ? {} : b.denials };
}

/** Fill in what a phone saved by an older simulator lacks (variants, permissions). */
export function upgradePhone(state: PhoneState): PhoneState {
  state.variants ??= defaultVariants(state.profile);
  state.permissions ??= permissionsOf();
  return state;
}

/** Create (or overwrite) the phone in `store` and return its state. */
export async function createPhone(store: PhoneStore, spec: PhoneSpec, now = Date.now()): Promise<PhoneState> {
  const variants = resolveVariants(spec.simProfile, spec.simVariants);
  if (!variants.ok) throw new Error(variants.problems.join('; '));
  store.wipe();
  const profile = getProfile(spec.simProfile);
  const pkg = profile.packageName;
  const drafts: Draft[] = [];
  // Newest draft first, as the drafts grid shows them.
  for (let i = spec.simDrafts; i >= 1; i--) {
    const id = `d${i}`;
    const video = await encodeVideo(spec.simSeed * 1000 + i, `${spec.simDevice}/${id}`);
    const path = `/data/data/${pkg}/files/drafts/${id}.mp4`;
    store.writeFile(path, video.bytes);
    drafts.push({
      id,
      caption: `${CAPTIONS[(i - 1 + spec.simSeed) % CAPTIONS.length]} #${i}`,
      media: { path, sha256: video.sha256, size: video.bytes.length, durationMs: video.durationMs },
      createdAt: now - (spec.simDrafts - i + 1) * 3_600_000,
      privacy: 'everyone',
      saveToDevice: false,
    });
  }
  const posts: Post[] = [];
  for (let i = 1; i <= spec.simPosts; i++) {
    const video = await encodeVideo(spec.simSeed * 1000 + 500 + i, `${spec.simDevice}/old${i}`);
    const path = `/data/data/${pkg}/files/posted/old${i}.mp4`;
    store.writeFile(path, video.bytes);
    const media = { path, sha256: video.sha256, size: video.bytes.length, durationMs: video.durationMs };
    posts.push({
      id: `old${i}`,
      caption: `old video ${i}`,
      privacy: 'everyone',
      media,
      postedAt: now - i * 86_400_000,
      status: 'posted',
    });
  }
  const state: PhoneState = {
    schema: 1,
    device: spec.simDevice,
    profile: spec.simProfile,
    platform: spec.platformName.toLowerCase() === 'ios' ? 'ios' : 'android',
    locale: spec.simLocale ?? profile.defaultLocale,
    seed: spec.simSeed,
    rng: spec.simSeed,
    app: { running: false, stack: [], instance: 1, pendingPopups: [...spec.simLaunchPopups], overlay: false },
    drafts,
    posts,
    uploads: [],
    savings: [],
    faults: { ...spec.simFaults },
    variants: variants.variants,
    permissions: permissionsOf(spec.simPermissions),
    timeScale: spec.simTimeScale,
    counters: { postTaps: 0, launches: 0, nextId: spec.simDrafts + 1 },
    device_: { locked: false, battery: 87 },
  };
  store.save(state);
  return state;
}

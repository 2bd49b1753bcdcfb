/**
 * Everything on the simulated phone, as one JSON-serialisable object: persisted after every
 * command, so the phone survives the runner and Appium being killed, like a real phone does.
 */
import type { SimFaults, SimLocale, SimProfileId } from '../caps.js';
import type { SimVariants } from '../variants.js';
import type { Privacy } from './texts.js';

/** A video file the app knows (the bytes live in the phone's file tree). */
export interface Media {
  /** Phone path, e.g. `/data/data/<pkg>/files/drafts/3.mp4`. */
  path: string;
  sha256: string;
  size: number;
  durationMs: number;
  /**
   * For a draft made with "Select multiple": the sha256 of each picked video, in the order picked
   * (the simulator keeps the first clip's bytes as the draft's video; it renders no montage).
   */
  clips?: string[];
}

/** A TikTok draft. */
export interface Draft {
  id: string;
  caption: string;
  media: Media;
  createdAt: number;
  /** Settings saved with the draft on the post screen. */
  privacy: Privacy;
  saveToDevice: boolean;
}

/** A posted (or posting) video. */
export interface Post {
  id: string;
  caption: string;
  privacy: Privacy;
  media: Media;
  /** The draft it came from, if any. */
  fromDraft?: string;
  postedAt: number;
  /** Upload state: the post is listed while uploading, with its progress badge. */
  status: 'uploading' | 'posted';
}

/** An upload in flight (progress is computed from the wall clock, like a real background upload). */
export interface Upload {
  postId: string;
  draft: Draft;
  startedAt: number;
  durationMs: number;
  willFail: boolean;
  saveToDevice: boolean;
}

/** A video being saved to the gallery ("Save video" from the player). */
export interface Saving {
  postId: string;
  startedAt: number;
  durationMs: number;
}

/** What is being posted: set when a draft or gallery video reaches the editor. */
export interface Compose {
  draftId?: string;
  media: Media;
  caption: string;
  /** The "Add a catchy title" field, on builds that have it (variants.titleField). */
  title?: string;
  privacy: Privacy;
  saveToDevice: boolean;
  keyboard: boolean;
}

/** Screens of the app (and the launcher when the app is not in front). */
export type Screen =
  | { name: 'launcher' }
  | { name: 'splash'; until: number }
  | { name: 'feed'; tab: 'home' | 'friends' | 'inbox' }
  | { name: 'profile'; tab: 'videos' | 'private' }
  | { name: 'drafts'; selecting: boolean; selected: string[]; confirm: boolean; scroll: number }
  | { name: 'editor' }
  | { name: 'post' }
  | { name: 'privacy' }
  | { name: 'moreOptions' }
  | {
      name: 'player';
      postId: string;
      menu: boolean;
      confirmDelete: boolean;
      moreMenu?: boolean;
      shareScroll?: number;
    }
  | { name: 'camera' }
  | { name: 'picker'; selected?: string; multi?: boolean; picks?: string[] };

/** Pop-ups TikTok shows at launch or at random. */
export const POPUP_KINDS = [
  'notif',
  'contacts',
  'collections',
  'follow',
  'update',
  'gdpr',
  'linkEmail',
  'security',
] as const;
/** One of {@link POPUP_KINDS}, or the 48.2.0 post-screen tip (never random, never at launch). */
export type PopupKind = (typeof POPUP_KINDS)[number] | 'tip';
/** A pop-up on screen: a known kind, or the fault's pop-up that no watcher knows. */
export type ShownPopup = PopupKind | 'unknown';

/** Android runtime permissions TikTok asks for (caps.ts simPermissions). */
export type PermissionName = 'camera' | 'microphone' | 'media' | 'notifications';
/** A permission's state; `denials` counts refusals (Android stops asking after the second). */
export interface PermissionState {
  camera: 'ask' | 'granted' | 'denied';
  microphone: 'ask' | 'granted' | 'denied';
  media: 'ask' | 'granted' | 'limited' | 'denied';
  notifications: 'ask' | 'granted' | 'denied';
  denials: Partial<Record<PermissionName, number>>;
}

/** The whole phone. */
export interface PhoneState {
  schema: 1;
  device: string;
  profile: SimProfileId;
  /** Which OS the phone runs: fixed when it is created. */
  platform: 'android' | 'ios';
  locale: SimLocale;
  seed: number;
  /** PRNG state (mulberry32), advanced by every random choice. */
  rng: number;
  app: {
    running: boolean;
    /** Screen stack; the last entry is in front. Increments `instance` on every change. */
    stack: Screen[];
    instance: number;
    popup?: ShownPopup;
    pendingPopups: PopupKind[];
    /** "Got it" was tapped on the 48.2.0 post-screen tip: it does not come back. */
    tipSeen?: boolean;
    toast?: string;
    compose?: Compose;
    /** Invisible overlay present (fault): blocks taps, not in the page source. */
    overlay: boolean;
    /** An edit TikTok was killed in the middle of: "Continue editing this post?" at the next launch. */
    unfinished?: Compose;
    /** The resume banner is up (over the feed). */
    resumeBanner?: boolean;
    /** The system permission dialog in front, and what is waiting for it. */
    permissionAsk?: { name: PermissionName; next?: Screen };
  };
  /** Build variants (variants.ts), fixed when the phone is created; a session may change them. */
  variants: SimVariants;
  permissions: PermissionState;
  drafts: Draft[];
  posts: Post[];
  uploads: Upload[];
  savings: Saving[];
  faults: SimFaults;
  /** Timing: 0 = instant, 1 = realistic. */
  timeScale: number;
  counters: { postTaps: number; launches: number; nextId: number };
  device_: { locked: boolean; battery: number };
}

/** The screen in front. */
export function top(state: PhoneState): Screen {
  return state.app.stack.at(-1) ?? { name: 'launcher' };
}

/** mulberry32: small, fast and reproducible; returns [0, 1). */
export function random(state: PhoneState): number {
  state.rng = (state.rng + 0x6d2b79f5) | 0;
  let t = state.rng;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A new id unique on this phone. */
export function nextId(state: PhoneState, prefix: string): string {
  state.counters.nextId += 1;
  return `${prefix}${state.counters.nextId}`;
}

/** Will TikTok's request for permission `name` bring up the system dialog (model/permissions.ts)? */
export function willAsk(state: PhoneState, name: PermissionName): boolean {
  // An iPhone asks once; a denial sticks (only Settings changes it). Its Photos alert (tiktok-ui.md
  // B.5) and the notifications one are modelled (screens/permission-ios.ts); no source shows when
  // TikTok asks for the camera on iOS.
  if (state.platform === 'ios')
    return (name === 'media' || name === 'notifications') && state.permissions[name] === 'ask';
  const p = state.permissions[name];
  return p === 'ask' || (p === 'denied' && (state.permissions.denials[name] ?? 0) < 2);
}

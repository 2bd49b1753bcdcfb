/**
 * Posting, uploads and saving videos to the gallery. Uploads run in the background on the wall
 * clock (a real upload continues while the runner is down), and are settled by {@link tick}.
 */
import { crash, REAL_MS, resetTo, scaled } from './navigation.js';
import { addToLibrary, libraryDirs } from './photos.js';
import type { Compose, Draft, Media, PhoneState, Post } from './state.js';
import { nextId } from './state.js';
import type { PhoneStore } from './store.js';
import { phoneTexts } from './texts.js';

/** The folder where TikTok's "Save to device" / "Save video" puts files (tiktok-ui.md §4.4). */
export const CAMERA_DIR = '/sdcard/DCIM/Camera';

/** Folders the gallery picker shows videos from. */
export const GALLERY_DIRS = [CAMERA_DIR, '/sdcard/Movies', '/sdcard/Download', '/sdcard/Pictures'];

/** The gallery's folders on this phone: Android's, or the simulated iPhone's Photos library (model/photos.ts). */
export function galleryDirs(state: PhoneState, store: PhoneStore): string[] {
  return state.platform === 'ios' ? libraryDirs(store) : GALLERY_DIRS;
}

/**
 * Tap on Post: the draft leaves the drafts list at once, the upload starts, the app shows the
 * Friends tab (as 43.1.4 does). The crash-on-post fault closes the app right after the post was
 * accepted, so the upload still completes: the case a resumable backup must handle.
 */
export function startPost(state: PhoneState, compose: Compose, now: number): void {
  state.counters.postTaps += 1;
  const draft: Draft = compose.draftId
    ? state.drafts.find((d) => d.id === compose.draftId)!
    : {
        id: nextId(state, 'd'),
        caption: compose.caption,
        media: compose.media,
        createdAt: now,
        privacy: compose.privacy,
        saveToDevice: compose.saveToDevice,
      };
  state.drafts = state.drafts.filter((d) => d.id !== draft.id);
  const post: Post = {
    id: nextId(state, 'p'),
    caption: compose.caption,
    privacy: compose.privacy,
    media: compose.media,
    fromDraft: draft.id,
    postedAt: now,
    status: 'uploading',
  };
  state.posts.unshift(post);
  const willFail = state.faults.uploadFailures > 0;
  if (willFail) state.faults.uploadFailures -= 1;
  const size = compose.media.size;
  const real = REAL_MS.upload + size / 2000; // ~2 MB/s on top of a fixed cost
  state.uploads.push({
    postId: post.id,
    draft: {
      ...draft,
      caption: compose.caption,
      privacy: compose.privacy,
      saveToDevice: compose.saveToDevice,
    },
    startedAt: now,
    durationMs: scaled(state, real) * state.faults.slowUploadFactor,
    willFail,
    saveToDevice: compose.saveToDevice,
  });
  state.app.compose = undefined;
  resetTo(state, { name: 'feed', tab: 'friends' });
  if (state.faults.crashOnPost > 0 && state.counters.postTaps === state.faults.crashOnPost) crash(state);
}

/** Upload progress in percent (0..99 while uploading), for the badge and the grid tile. */
export function uploadProgress(state: PhoneState, postId: string, now: number): number | undefined {
  const u = state.uploads.find((x) => x.postId === postId);
  if (!u) return undefined;
  if (u.durationMs <= 0) return 99;
  return Math.min(99, Math.floor(((now - u.startedAt) / u.durationMs) * 100));
}

/** A new 32-hex-character file name, as TikTok gives saved videos. */
function hexName(state: PhoneState, media: Media): string {
  const n = state.counters.nextId++;
  const base = `${media.sha256.slice(0, 16)}${n.toString(16).padStart(16, '0')}`;
  return `${base.slice(0, 32)}.mp4`;
}

/** Copy a video into the gallery; false (and a toast) when storage is full. */
export function saveToGallery(
  state: PhoneState,
  store: PhoneStore,
  media: Media,
  now: number,
): string | undefined {
  if (state.faults.storageFull) {
    state.app.toast = phoneTexts(state).storageFull;
    return undefined;
  }
  // An iPhone saves into Photos (tiktok-ui.md §4.4 table: "camera roll"), named by Photos.
  if (state.platform === 'ios') return addToLibrary(store, store.readFile(media.path), 'MP4', now);
  const path = `${CAMERA_DIR}/${hexName(state, media)}`;
  store.writeFile(path, store.readFile(media.path), now);
  return path;
}

/** Settle whatever has finished by `now`: uploads, saves, the splash screen. */
export function tick(state: PhoneState, store: PhoneStore, now: number): void {
  for (const u of [...state.uploads]) {
    if (now < u.startedAt + u.durationMs) continue;
    state.uploads = state.uploads.filter((x) => x !== u);
    const post = state.posts.find((p) => p.id === u.postId);
    if (!post) continue;
    if (u.willFail) {
      // "Couldn't upload video. The video was saved to your drafts."
      state.posts = state.posts.filter((p) => p !== post);
      state.drafts.unshift(u.draft);
      if (state.app.running) state.app.toast = phoneTexts(state).uploadFailed;
      continue;
    }
    post.status = 'posted';
    if (u.saveToDevice) saveToGallery(state, store, post.media, u.startedAt + u.durationMs);
  }
  for (const s of [...state.savings]) {
    if (now < s.startedAt + s.durationMs) continue;
    state.savings = state.savings.filter((x) => x !== s);
    const post = state.posts.find((p) => p.id === s.postId);
    if (post && saveToGallery(state, store, post.media, now) && state.app.running) {
      state.app.toast = phoneTexts(state).videoSaved;
    }
  }
}

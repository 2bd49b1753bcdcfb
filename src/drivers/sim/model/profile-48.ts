/**
 * `tiktok-48.2.0`: a build newer than every captured one, made up to change the way real updates
 * change TikTok (no 48.x capture exists; every fact here is INVENTED, on the pattern of the
 * 43 → 47 evidence in ../shared/tiktok-ui.md):
 *
 * - every obfuscated resource-id is new (§0.2: they change with almost every version), and the
 *   camera's gallery entry has no content-desc, only its id (as in every real capture, C.10);
 * - one label reworded: the post screen's "Drafts" button reads "Save draft";
 * - one element moved into a menu: Delete is no longer in the own-video menu's first row but in
 *   a "More options" sheet behind it (C.9: Delete already needed a sideways swipe on newer builds);
 * - a new pop-up: a "Got it" tip over the post screen, each time it opens until acknowledged.
 *
 * The shipped flows fail on it; docs/ui-changes.md fixes them step by step.
 */
import type { AppProfile } from './profiles.js';

// Ids an update renamed. The rest are synthetic (profiles.ts shortId), and new per version too.
const SEEN: Record<string, string> = {
  'nav.home': 'p2q',
  'nav.friends': 'p2p',
  'nav.create': 'p2n',
  'nav.inbox': 'p2r',
  'nav.profile': 'p2s',
  'nav.bar': 'p2y',
  'editor.next': 'r4c',
  'editor.nextLabel': 'r4f',
  'post.root': 'vk2',
  'post.scroll': 'vk3',
  'post.caption': 'jq7',
  'post.row': 'g8x',
  'post.rowLabel': 'c1m',
  'post.drafts': 'kw9',
  'post.post': 'vjz',
  'camera.gallery': 'a7u',
  'player.more': 'u0b',
  'share.row': 'y6e',
  'popup.tip.gotIt': 'z3d',
};

/** The 48.2.0 profile (English, a 1080×2400 phone like the 43.1.4 captures). */
export const TIKTOK_48_2_0: AppProfile = {
  id: 'tiktok-48.2.0',
  packageName: 'com.zhiliaoapp.musically',
  versionName: '48.2.0',
  versionCode: 2024802000,
  defaultLocale: 'en',
  width: 1080,
  height: 2400,
  seen: SEEN,
  changes: {
    unlabelledGallery: true,
    saveDraftLabel: true,
    deleteInMoreOptions: true,
    postScreenTip: true,
  },
};

/**
 * TikTok version profiles: what changes between builds (package, version, obfuscated resource-ids).
 *
 * Ids marked in SEEN come from real dumps or selector code (../shared/tiktok-ui.md and
 * ../shared/tiktok-dumps/). Where no source shows an id, the simulator derives a short synthetic
 * one from the profile and the element key, so that ids still change from version to version, as
 * in the real app, and no flow can pass by leaning on them.
 */
import { createHash } from 'node:crypto';
import type { SimLocale, SimProfileId } from '../caps.js';
import { TIKTOK_48_2_0 } from './profile-48.js';

/** One TikTok build. */
export interface AppProfile {
  id: SimProfileId;
  /** The app's package (Android) / bundle id, e.g. `com.zhiliaoapp.musically`. */
  packageName: string;
  /** e.g. `43.1.4`. */
  versionName: string;
  versionCode: number;
  /** The UI language a phone gets when no locale is asked for. */
  defaultLocale: SimLocale;
  /** Screen size in pixels. */
  width: number;
  height: number;
  /** Element key → short resource-id seen on this build. */
  seen: Record<string, string>;
  /** How this build's screens differ from the 43–47 layout (none on those builds). */
  changes?: UiChanges;
}

/**
 * What an update changed on a build's screens, the way real updates do (model/profile-48.ts).
 * Every flag is off on the 43–47 profiles, so their screens are exactly as before.
 */
export interface UiChanges {
  /** The camera's gallery entry lost its "Upload" content-desc: only its (obfuscated) id is left. */
  unlabelledGallery?: boolean;
  /** The post screen's Drafts button reads "Save draft". */
  saveDraftLabel?: boolean;
  /** Delete left the first row of the own-video menu for a "More options" sheet behind it. */
  deleteInMoreOptions?: boolean;
  /** A "Got it" tip covers the post screen each time it opens, until "Got it" is tapped. */
  postScreenTip?: boolean;
}

// Readable ids that survive version bumps (tiktok-ui.md §0.3): the same on every profile.
const READABLE: Record<string, string> = {
  'profile.cover': 'cover',
  'feed.video': 'long_press_layout',
  'post.header': 'video_header_layout',
  'feed.title': 'title',
  'feed.desc': 'desc',
  'share.title': 'tv_title',
  // The camera's gallery entry on 46.6.3 / 47.0.3 / trill (tiktok-ui.md C.10).
  'camera.hotArea': 'upload_hot_area',
};

const V43: Record<string, string> = {
  'nav.home': 'mkq',
  'nav.friends': 'mkp',
  'nav.create': 'mkn',
  'nav.inbox': 'mkr',
  'nav.profile': 'mks',
  'nav.bar': 'mky',
  'feed.search': 'irz',
  'popup.notif.root': 'igg',
  'popup.notif.notNow': 'co6',
  'popup.notif.turnOn': 'co8',
  'popup.contacts.text': 'e_h',
  'popup.contacts.dialog': 'zqh',
  'popup.collections.scrim': 'wh2',
  'popup.collections.sheet': 'f0u',
  'popup.collections.intro': 'jyu',
  'popup.collections.title': 'jzb',
  'popup.collections.body': 'rg0',
  'popup.collections.notNow': 'ny9',
  'popup.collections.try': 'wlp',
  'popup.collections.close': 'jyh',
  'popup.follow.title': 'w4h',
  'popup.follow.close': 'dga',
  'popup.gdpr.text': 'w4m',
  'popup.linkEmail.text': 'w4m',
  'profile.viewsIcon': 'h9p',
  'profile.views': 'xvy',
  'profile.avatar': 'b5s',
  'profile.name': 'qf8',
  'profile.handle': 'qh5',
  'profile.statValue': 'qfw',
  'profile.statLabel': 'qfv',
  'profile.studio': 'a_l',
  'profile.tabs': 'vrc',
  'profile.tabIcon': 'iys',
  'profile.grid': 'gxd',
  'profile.tile': 'e52',
  'profile.tileViews': 'xxy',
  'profile.content': 'e52',
  'profile.tileProgress': 'qjj',
  'profile.tileProgressBar': 's36',
  'editor.back': 'b98',
  'editor.next': 'ntn',
  'editor.nextLabel': 'ntq',
  'editor.story': 'qxr',
  'editor.storyLabel': 'y0i',
  'post.root': 'qre',
  'post.scroll': 'qrf',
  'post.back': 'b98',
  'post.caption': 'g19',
  'post.title': 'g1c',
  'camera.uploadLabel': 'ymu',
  'post.cover': 'je8',
  'post.editCover': 'd7q',
  'post.hashtags': 'awo',
  'post.mention': 'awn',
  'post.row': 'd0z',
  'post.rowLabel': 'w4m',
  'post.rowIcon': 'j2c',
  'post.rowSubtitle': 'uv6',
  'post.shareIcon': 't_c',
  'post.shareLabel': 'tbp',
  'post.bottomBar': 'fgc',
  'post.drafts': 'fex',
  'post.post': 'qrb',
  'post.postTop': 'qr6',
  'upload.badge': 'x44',
  'camera.gallery': 'ymg',
  'picker.close': 'b9b',
  'picker.recents': 'yc0',
  'picker.multi': 'nbv',
  'picker.multiLabel': 'nbu',
};

const PROFILES: Record<SimProfileId, AppProfile> = {
  'tiktok-43.1.4': {
    id: 'tiktok-43.1.4',
    packageName: 'com.zhiliaoapp.musically',
    versionName: '43.1.4',
    versionCode: 2024301040,
    defaultLocale: 'en',
    width: 1080,
    height: 2400,
    seen: V43,
  },
  'tiktok-46.6.3': {
    id: 'tiktok-46.6.3',
    packageName: 'com.zhiliaoapp.musically',
    versionName: '46.6.3',
    versionCode: 2024606030,
    defaultLocale: 'en',
    width: 1080,
    height: 2400,
    seen: {
      'nav.home': 'ofc',
      'nav.friends': 'ofb',
      'nav.create': 'of9',
      'nav.inbox': 'ofd',
      'nav.profile': 'ofe',
      'feed.search': 'map',
      'feed.like': 'g2w',
      'feed.comments': 'em1',
      'feed.favorites': 'i1l',
      'feed.sound': 'pgx',
      'feed.avatar': 'user_avatar',
      'friends.title': 'xs1',
      'upload.window': 'uio',
      'upload.ring': 'fk4',
      'upload.thumb': 'c0r',
      'upload.badge': 'tvProgress',
      'profile.cover': 'cover',
      'profile.tileViews': 'tv_play_count',
    },
  },
  'trill-44.4.3': {
    id: 'trill-44.4.3',
    packageName: 'com.ss.android.ugc.trill',
    versionName: '44.4.3',
    versionCode: 440403,
    defaultLocale: 'en',
    width: 720,
    height: 1280,
    seen: {
      'nav.home': 'n10',
      'nav.friends': 'n0z',
      'nav.create': 'n0x',
      'nav.inbox': 'n11',
      'nav.profile': 'n12',
      'nav.bar': 'n18',
      'profile.root': 'r5r',
      'profile.name': 'r5d',
      'profile.handle': 'r7b',
      'profile.tabs': 'wpc',
      'editor.next': 'oca',
      'editor.nextLabel': 'ocd',
      'post.root': 'rhf',
      'post.scroll': 'rhg',
      'post.caption': 'gbc',
      'post.drafts': 'fob',
      'post.post': 'rhc',
      'post.back': 'bc5',
      'post.row': 'd7b',
      'post.bottomBar': 'fpr',
      'privacy.sheet': 'f9y',
      'privacy.root': 'u76',
      'privacy.title': 'o60',
      'privacy.question': 'pek',
      'player.more': 'q3a',
      'share.row': 'v3',
      'camera.gallery': 'zne',
      // The resume banner as a tree node (enkaku, trill): title u5t, Save draft urb, Edit u5p.
      'resume.title': 'u5t',
      'resume.save': 'urb',
      'resume.edit': 'u5p',
    },
  },
  'tiktok-47.0.3': {
    id: 'tiktok-47.0.3',
    packageName: 'com.zhiliaoapp.musically',
    versionName: '47.0.3',
    versionCode: 2024700030,
    defaultLocale: 'fr',
    width: 1080,
    height: 2400,
    seen: {
      'nav.create': 'nc_',
      'post.root': 'tit',
      'post.scroll': 'tiu',
      'post.back': 'bs0',
      'post.caption': 'h8e',
      'post.cover': 'kzv',
      'post.preview': 'ffg',
      'post.editCover': 'e13',
      'post.hashtags': 'bd7',
      'post.mention': 'bd6',
      'post.row': 'dty',
      'post.rowLabel': 'ze3',
      'post.rowIcon': 'kjy',
      'post.rowSubtitle': 'xvl',
      'post.rowAccessory': 'tux_textCell_accessory',
      'post.extraButtons': 'video_add_extra_buttons_container',
      'post.shareLabel': 'w8w',
      'post.bottom': 'cid',
      'post.bottomBar': 'gjb',
      'post.drafts': 'ght',
      'post.post': 'tiq',
    },
  },
  'tiktok-48.2.0': TIKTOK_48_2_0,
};

/** The profile for an id. */
export function getProfile(id: SimProfileId): AppProfile {
  return PROFILES[id];
}

/** All profile ids (for `sim caps` and error messages). */
export const PROFILE_IDS = Object.keys(PROFILES) as SimProfileId[];

const cache = new Map<string, string>();

/** The short resource-id of an element key on a profile (seen, readable, or synthetic). */
export function shortId(profile: AppProfile, key: string): string {
  const seen = profile.seen[key] ?? READABLE[key];
  if (seen) return seen;
  const cacheKey = `${profile.id}/${key}`;
  let id = cache.get(cacheKey);
  if (!id) {
    // Three lowercase letters/digits/underscore, like TikTok's minified ids; stable per version.
    const h = createHash('sha1').update(cacheKey).digest();
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789_';
    id = [h[0]!, h[1]!, h[2]!].map((b, i) => alphabet[i === 0 ? b % 26 : b % alphabet.length]).join('');
    cache.set(cacheKey, id);
  }
  return id;
}

/** The full resource-id (`com.zhiliaoapp.musically:id/qrb`). */
export function resourceId(profile: AppProfile, key: string): string {
  return `${profile.packageName}:id/${shortId(profile, key)}`;
}

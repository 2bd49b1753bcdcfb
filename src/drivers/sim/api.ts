/**
 * The package's public API, without the Appium driver: importing it loads no Appium code
 * (~0.25 s less for a command-line tool). The index (`draftvault-sim-driver`) exports the same
 * plus {@link SimDriver}; this entry is `draftvault-sim-driver/api`.
 *
 * - capabilities: the schema, parse/validate, the wire prefix, the profile and locale lists;
 * - phones: create/reset, inspect, load, exists, list (a phone is a folder under a "home");
 * - the phone's data types (what `mobile: simState` returns) and its real MP4 videos.
 */

import type { SimProfileId } from './caps.js';
import { type AppProfile, getProfile } from './model/profiles.js';

export {
  fromWireCaps,
  PHONE_NAME_RULE,
  parseSimCaps,
  phoneNameSchema,
  SIM_LOCALES,
  SIM_PROFILES,
  type SimCaps,
  type SimCapsInput,
  type SimFaults,
  type SimLocale,
  type SimProfileId,
  simCapsSchema,
  simFaultsSchema,
  toWireCaps,
} from './caps.js';
export { adbPull } from './model/adb.js';
export { type EncodedVideo, encodeVideo, videoTag } from './model/media.js';
export { CAMERA_DIR, GALLERY_DIRS } from './model/posting.js';
export type {
  Compose,
  Draft,
  Media,
  PhoneState,
  PopupKind,
  Post,
  Saving,
  Screen,
  Upload,
} from './model/state.js';
export { POPUP_KINDS } from './model/state.js';
export type { Privacy } from './model/texts.js';
export {
  inspectPhone,
  isValidPhoneName,
  listPhones,
  loadPhone,
  type ParsedPhoneOptions,
  type PhoneOptions,
  type PhoneProblem,
  type PhoneSummary,
  parsePhoneOptions,
  phoneExists,
  phoneOptionsSchema,
  resetPhone,
  SimPhoneError,
  type SimPhoneErrorCode,
} from './phones.js';
export { FLAVOURS, JavaRegexError, javaRegex, type RegexFlavour } from './ui/java-regex.js';

/** The facts of one TikTok build the simulator plays (without its resource-id table). */
export type SimProfileInfo = Omit<AppProfile, 'seen'>;

/** The facts of the profile `id` (one of {@link SIM_PROFILES}). */
export function simProfileInfo(id: SimProfileId): SimProfileInfo {
  const { packageName, versionName, versionCode, defaultLocale, width, height } = getProfile(id);
  return { id, packageName, versionName, versionCode, defaultLocale, width, height };
}

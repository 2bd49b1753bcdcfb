/**
 * The package's public API without the Appium driver (cheap to import: no Appium code is loaded).
 * `draftvault-sim-driver` (the index) exports the same plus {@link SimDriver}; this entry is
 * `draftvault-sim-driver/api`.
 */
export {
  parseSimCaps,
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

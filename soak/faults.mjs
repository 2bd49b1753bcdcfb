/**
 * The fault matrix's faults, read from the simulated phone's own declaration (`simFaultsSchema`,
 * and any `simStrict*` capability of boolean switches), so a fault or strictness variant added to
 * the simulator joins the matrix by itself. Each gets the value that switches it on for a small
 * batch: a known fault a value chosen for it (some drawn from the seed), a new one a generic value
 * derived from its schema (a boolean flipped, the first count or enum member the schema accepts).
 * Two faults live outside the phone: the backup disk filling up (a small tmpfs) and none other.
 */
import { simCapsSchema, simFaultsSchema } from 'draftvault-sim-driver/api';

/** Values that make each known fault bite within a few drafts (r: the cell's seeded random source). */
const CHOSEN = {
  popupRate: () => 0.3,
  uploadFailures: () => 2,
  // Uploads take time only with a time scale: then the upload badge is seen for a while.
  slowUploadFactor: () => ({ value: 40, caps: { 'appium:simTimeScale': 0.01 } }),
  crashAtCommand: (r) => r.int(20, 160),
  crashOnPost: (r) => r.int(1, 2),
  privacyNotStick: () => 2,
  storageFull: () => true,
  invisibleOverlay: () => 2,
  duplicateNext: () => true,
  unknownPopup: () => 2,
  // A newer TikTok than the flows are tested with: the flows refuse it, the next run (as before) resumes.
  appVersion: () => '49.2.0',
  // The phone disappears mid-run: from a seeded command on, nothing answers.
  disconnectAtCommand: (r) => r.int(30, 220),
  vanishAtCommand: (r) => r.int(30, 220),
  // Unplugged right after the first post: the post is made, its video not yet stored.
  vanishAfterPosts: () => 1,
};

/** The schema under `.default()`/`.optional()`. */
function unwrap(schema) {
  let s = schema;
  while (['default', 'optional', 'prefault', 'nullable'].includes(s._zod.def.type)) s = s._zod.def.innerType;
  return s;
}

/** A value that switches a field on, from its schema alone; undefined when it cannot tell. */
export function genericValue(field) {
  const off = field.safeParse(undefined).data;
  const def = unwrap(field)._zod.def;
  if (def.type === 'boolean') return !off;
  if (def.type === 'enum') return Object.values(def.entries).find((v) => v !== off);
  if (def.type === 'number') return [1, 2, 0.5].find((c) => c !== off && field.safeParse(c).success);
  return undefined;
}

/**
 * Every fault of the matrix: `{ name, source, activate(r) → { simFaults?, caps?, disk? } }`.
 * `source` says where it came from: `simFaults` (the phone's faults), a `simStrict*` capability,
 * or `host` (the computer's side).
 * @returns {Fault[]}
 */
export function allFaults() {
  const out = [];
  for (const [name, field] of Object.entries(simFaultsSchema.shape)) {
    const chosen = CHOSEN[name];
    const generic = genericValue(field);
    if (!chosen && generic === undefined) {
      out.push({ name, source: 'simFaults', unsupported: 'no value derivable from its schema' });
      continue;
    }
    out.push({
      name,
      source: 'simFaults',
      activate: (r) => {
        const v = chosen ? chosen(r) : generic;
        const { value, caps } = typeof v === 'object' && v !== null ? v : { value: v, caps: {} };
        return { simFaults: { [name]: value }, caps };
      },
    });
  }
  // Strictness variants: a capability named simStrict* holding switches (or a switch itself).
  for (const [cap, field] of Object.entries(simCapsSchema.shape)) {
    if (!/^simStrict/i.test(cap)) continue;
    const inner = unwrap(field);
    const switches =
      inner._zod.def.type === 'object' ? Object.entries(inner._zod.def.shape) : [[undefined, field]];
    for (const [key, sub] of switches) {
      const v = genericValue(sub);
      const name = key ? `${cap}.${key}` : cap;
      if (v === undefined) {
        out.push({ name, source: cap, unsupported: 'no value derivable from its schema' });
        continue;
      }
      out.push({
        name,
        source: cap,
        activate: () => ({ caps: { [`appium:${cap}`]: key ? { [key]: v } : v } }),
      });
    }
  }
  out.push({ name: 'backupDiskFull', source: 'host', activate: () => ({ disk: 'full' }) });
  return out;
}

/**
 * @typedef {{ simFaults?: Record<string, unknown>, caps?: Record<string, unknown>, disk?: 'full' }} Activation
 * @typedef {{ name: string, source: string, unsupported?: string, activate?: (r: { next(): number, int(lo: number, hi: number): number }) => Activation }} Fault
 */

/** Merge the activations of the faults of one cell into one run's settings. */
export function combine(activations) {
  const simFaults = Object.assign({}, ...activations.map((a) => a.simFaults ?? {}));
  const caps = {};
  for (const a of activations) {
    for (const [k, v] of Object.entries(a.caps ?? {})) {
      caps[k] = typeof v === 'object' && typeof caps[k] === 'object' ? { ...caps[k], ...v } : v;
    }
  }
  if (Object.keys(simFaults).length) caps['appium:simFaults'] = simFaults;
  return { caps, disk: activations.some((a) => a.disk === 'full') ? 'full' : undefined };
}

/**
 * The cells: every fault alone, then every pair.
 * @param {Fault[]} faults
 * @param {{ pairs?: boolean }} [o]
 * @returns {Fault[][]}
 */
export function cells(faults, { pairs = true } = {}) {
  const usable = faults.filter((f) => !f.unsupported);
  const out = usable.map((f) => [f]);
  if (pairs)
    for (let i = 0; i < usable.length; i++)
      for (let j = i + 1; j < usable.length; j++) out.push([usable[i], usable[j]]);
  return out;
}

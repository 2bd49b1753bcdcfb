/**
 * `--device`: one grammar for every command and the config file. Kept apart from the adapters
 * so that reading a device name loads no Appium or WebdriverIO code (the config file names
 * devices, and every command reads the config).
 */
import { isValidPhoneName, PHONE_NAME_RULE } from 'draftvault-sim-driver/api';
import { closest, distance } from 'fastest-levenshtein';
import { DraftvaultError } from '../errors.js';
import type { DeviceRef } from './types.js';

const DEVICE_HINT =
  'use "sim" (the simulated phone), "sim:<name>", "sim-ios:<name>", "android", "android:<serial>", ' +
  '"ios:<udid>", or a bare Android serial';

/** An Android serial (USB serials, emulator-5554, host:port for adb over Wi-Fi). */
const SERIAL = /^[A-Za-z0-9_][A-Za-z0-9._:-]{0,63}$/;
/** An iOS udid. */
const UDID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const KINDS = ['sim', 'sim-ios', 'android', 'ios'] as const;

/**
 * Parse `--device`: `sim`, `sim:<name>`, `sim-ios[:<name>]`, `android[:<serial>]`, `ios[:<udid>]`,
 * or a bare Android serial. One strict grammar; a near-miss of a kind gets a "did you mean".
 */
export function parseDeviceRef(raw: string): DeviceRef {
  const bad = (msg: string, hint = DEVICE_HINT) => new DraftvaultError('E_USAGE', msg, { hint });
  const m = /^(sim-ios|sim|android|ios):(.*)$/.exec(raw);
  const kind = (m?.[1] ?? (KINDS as readonly string[]).find((k) => k === raw)) as
    | (typeof KINDS)[number]
    | undefined;
  const id = m ? m[2]! : undefined;
  if (kind) {
    if (id === '')
      throw bad(
        `--device ${raw}: the name after "${kind}:" is empty`,
        `e.g. --device ${kind}:${kind.startsWith('sim') ? 'phone1' : 'R58M123ABC'}`,
      );
    if (kind === 'sim' || kind === 'sim-ios') {
      // A simulated phone's name is its folder's name: `sim:..` must never reach a path.
      if (id !== undefined && !isValidPhoneName(id)) {
        throw new DraftvaultError('E_USAGE', `invalid simulated phone name "${id}" in --device ${raw}`, {
          hint: PHONE_NAME_RULE,
        });
      }
      return { kind: 'sim', id: id ?? 'sim-1', platform: kind === 'sim' ? 'android' : 'ios' };
    }
    if (id !== undefined && !(kind === 'ios' ? UDID : SERIAL).test(id))
      throw bad(`invalid ${kind === 'ios' ? 'udid' : 'serial'} "${id}" in --device ${raw}`);
    return { kind, id, platform: kind === 'ios' ? 'ios' : 'android' };
  }
  const head = raw.split(':')[0]!.toLowerCase();
  const near = closest(head, [...KINDS]);
  if (distance(head, near) <= 2 && head.length >= 2 && (raw.includes(':') || distance(head, near) <= 1))
    throw bad(
      `unknown device "${raw}"`,
      `did you mean "${raw.includes(':') ? `${near}:${raw.split(':').slice(1).join(':')}` : near}"?`,
    );
  if (SERIAL.test(raw)) return { kind: 'android', id: raw, platform: 'android' };
  throw bad(`unknown device "${raw}"`);
}

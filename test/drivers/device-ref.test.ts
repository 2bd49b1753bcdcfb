/** `--device`: one strict grammar, names that cannot climb out of a folder, "did you mean". */
import { describe, expect, it } from 'vitest';
import { parseDeviceRef } from '../../src/drivers/index.js';
import { DraftvaultError } from '../../src/errors.js';

function error(raw: string): DraftvaultError {
  try {
    parseDeviceRef(raw);
  } catch (e) {
    if (e instanceof DraftvaultError) return e;
    throw e;
  }
  throw new Error(`${raw} was accepted`);
}

describe('--device', () => {
  it('accepts every documented form', () => {
    expect(parseDeviceRef('sim')).toEqual({ kind: 'sim', id: 'sim-1', platform: 'android' });
    expect(parseDeviceRef('sim:phone_2.a-b')).toEqual({
      kind: 'sim',
      id: 'phone_2.a-b',
      platform: 'android',
    });
    expect(parseDeviceRef('sim-ios:x')).toEqual({ kind: 'sim', id: 'x', platform: 'ios' });
    expect(parseDeviceRef('android')).toEqual({ kind: 'android', id: undefined, platform: 'android' });
    expect(parseDeviceRef('android:192.168.1.5:5555').id).toBe('192.168.1.5:5555');
    expect(parseDeviceRef('ios:00008030-001A2B3C4D5E').platform).toBe('ios');
    expect(parseDeviceRef('R58M123ABC')).toEqual({ kind: 'android', id: 'R58M123ABC', platform: 'android' });
  });

  it('refuses names that are empty, hidden or climb out of their folder', () => {
    for (const raw of [
      'sim:',
      'ios:',
      'android:',
      'sim:..',
      'sim:.',
      'sim:.hidden',
      'sim:a/b',
      'sim:a b',
      '..',
      'a/b',
    ]) {
      const e = error(raw);
      expect(e.code, raw).toBe('E_USAGE');
      expect(e.exitCode).toBe(2);
      expect(e.hint, raw).toBeTruthy();
    }
  });

  it('says "did you mean" for a near miss of a device kind', () => {
    expect(error('simm').hint).toBe('did you mean "sim"?');
    expect(error('andriod:X1').hint).toBe('did you mean "android:X1"?');
    expect(error('sim-io:x').hint).toBe('did you mean "sim-ios:x"?');
  });
});

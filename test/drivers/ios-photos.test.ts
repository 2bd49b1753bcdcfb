/**
 * Reading an iPhone's Photos library counter (src/drivers/ios/photos.ts): the plist Photos
 * writes today (XML, PLSimpleDCIMDirectory), the same in binary form, and the old
 * `DCIM/.MISC/Info.plist` keys Photos migrates from.
 */
import { plist } from 'appium/support.js';
import { describe, expect, it } from 'vitest';
import { counterName, parseCounter } from '../../src/drivers/ios/photos.js';

describe('the Photos counter', () => {
  it('reads DCIMLastDirectoryNumber / DCIMLastFileNumber, in XML and binary plists', async () => {
    const data = { DCIMLastDirectoryNumber: 104, DCIMLastFileNumber: 4321 };
    expect(await parseCounter(Buffer.from(plist.createPlist(data, false)))).toEqual({ dir: 104, file: 4321 });
    expect(await parseCounter(plist.createPlist(data, true))).toEqual({ dir: 104, file: 4321 });
    expect(counterName({ dir: 104, file: 4321 })).toBe('104APPLE/IMG_4321.MP4');
    expect(counterName({ dir: 100, file: 7 })).toBe('100APPLE/IMG_0007.MP4');
  });

  it('falls back to the old LastFileGroupNumber keys (the highest group), and gives nothing for a plist without a counter', async () => {
    const old = { LastFileGroupNumber100: 999, LastFileGroupNumber101: 1042 };
    expect(await parseCounter(Buffer.from(plist.createPlist(old, false)))).toEqual({ dir: 101, file: 1042 });
    expect(await parseCounter(Buffer.from(plist.createPlist({ other: 1 }, false)))).toBeUndefined();
  });
});

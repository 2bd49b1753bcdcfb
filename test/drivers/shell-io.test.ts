/**
 * Listing phone folders through `mobile: shell`: a server that refuses the insecure feature gets
 * the hint to allow it; a phone that went away gets its own words (not the feature hint, which
 * would send the user to the server's settings for an unplugged cable). Real server, real client.
 */
import { describe, expect, it } from 'vitest';
import { shellIO } from '../../src/drivers/shell-io.js';
import type { DeviceIO } from '../../src/drivers/types.js';
import { useSimServer } from '../helpers/sim.js';

const allowed = useSimServer();
const refused = useSimServer([]);

const io = (session: WebdriverIO.Browser, id: string): DeviceIO =>
  shellIO(
    {
      session,
      device: { kind: 'sim', id, platform: 'android' },
      local: true,
      signal: new AbortController().signal,
    },
    'draftvaultsim:adb_shell',
  );

describe('shellIO.list', () => {
  it('lists a folder, and an absent folder as empty', async () => {
    const s = await allowed.open('sh-ok');
    expect(await io(s, 'sh-ok').list('/sdcard/no-such-folder')).toEqual([]);
    expect(Array.isArray(await io(s, 'sh-ok').list('/sdcard/DCIM'))).toBe(true);
  });

  it('a server without the feature: the hint says to allow it', async () => {
    const s = await refused.open('sh-refused');
    const err = await io(s, 'sh-refused')
      .list('/sdcard/DCIM/Camera')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'E_DEVICE_UNAVAILABLE',
      message: 'cannot list /sdcard/DCIM/Camera on the phone',
    });
    expect((err as { hint: string }).hint).toMatch(/must allow the insecure feature draftvaultsim:adb_shell/);
  });

  it('a phone gone mid-run: its own words, and no word of the feature', async () => {
    const s = await allowed.open('sh-gone', { simFaults: { vanishAtCommand: 1 } });
    const err = await io(s, 'sh-gone')
      .list('/sdcard/DCIM/Camera')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_DEVICE_UNAVAILABLE' });
    expect((err as Error).message).toMatch(
      /^cannot list \/sdcard\/DCIM\/Camera on the phone: .*"sh-gone" is gone/,
    );
    expect((err as { hint: string }).hint).toMatch(/still connected/);
    expect((err as { hint: string }).hint).not.toMatch(/insecure/);
  });
});

/**
 * The adapters' preflight readings that need no phone: an Android phone's adb state (with a
 * stand-in adb on PATH that plays each state), and `df -k` output as phones print it.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { androidPreflight } from '../../src/drivers/android/preflight.js';
import { parseDfAvailable } from '../../src/drivers/preflight.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('dv-adb-');

/** An adb that lists one phone in the state written in `state`, and logs its arguments. */
function fakeAdb(state: string): { env: NodeJS.ProcessEnv; log: () => string[] } {
  const dir = tmp();
  writeFileSync(join(dir, 'state'), state);
  writeFileSync(
    join(dir, 'adb'),
    `#!/bin/sh
echo "$*" >> "${dir}/log"
case "$1" in
  devices) echo "List of devices attached"; s=$(cat "${dir}/state"); [ -n "$s" ] && printf 'R58M123\\t%s usb:1-1 model:SM_G973F\\n' "$s"; exit 0;;
  reconnect) [ "$(cat "${dir}/state")" = offline ] && echo device > "${dir}/state"; exit 0;;
esac
exit 1
`,
  );
  chmodSync(join(dir, 'adb'), 0o755);
  return {
    env: { PATH: dir },
    log: () => readFileSync(join(dir, 'log'), 'utf8').trim().split('\n'),
  };
}

const reach = (env: NodeJS.ProcessEnv, id?: string) =>
  androidPreflight.reach(
    { kind: 'android', id, platform: 'android' },
    { env, local: true, signal: new AbortController().signal },
  );

describe('Android preflight: the phone as adb sees it', () => {
  it('a connected phone is reached, and named when the user named none', async () => {
    const adb = fakeAdb('device');
    expect(await reach(adb.env)).toMatchObject({ ok: true, id: 'R58M123' });
    expect(adb.log()).toEqual(['devices -l']);
  });

  it('an offline phone is reconnected once, then used', async () => {
    const adb = fakeAdb('offline');
    const r = await reach(adb.env, 'R58M123');
    expect(r).toMatchObject({ ok: true, id: 'R58M123' });
    expect(r.detail).toMatch(/was offline; reconnected once/);
    expect(adb.log()).toEqual(['devices -l', 'reconnect offline', 'devices -l']);
  });

  it('an unauthorized phone is named with the fix, and not reconnected', async () => {
    const adb = fakeAdb('unauthorized');
    const r = await reach(adb.env);
    expect(r).toMatchObject({ ok: false, detail: 'R58M123 is unauthorized' });
    expect(r.fix).toMatch(/accept "Allow USB debugging\?"/);
    expect(adb.log()).toEqual(['devices -l']);
  });

  it('no phone, or another one than named: not reachable, with how to connect it', async () => {
    expect(await reach(fakeAdb('').env)).toMatchObject({ ok: false, detail: /is not connected/ });
    expect(await reach(fakeAdb('device').env, 'OTHER1')).toMatchObject({ ok: false });
    const none = await reach({ PATH: mkdtempSync(join(tmpdir(), 'dv-noadb-')) });
    expect(none).toMatchObject({ ok: false, detail: /adb is not installed/ });
    expect(none.fix).toMatch(/apt-get install adb/);
  });
});

describe('df -k', () => {
  it('reads the Available column, also when a long name wraps the line', () => {
    const toybox =
      'Filesystem     1K-blocks    Used Available Use% Mounted on\n/dev/fuse       56104184 9637396  46466788  18% /storage/emulated\n';
    expect(parseDfAvailable(toybox)).toBe(46466788 * 1024);
    const wrapped =
      'Filesystem 1K-blocks Used Available Use% Mounted on\n/dev/block/by-name/a-very-long-name\n 1000 400 600 40% /data\n';
    expect(parseDfAvailable(wrapped)).toBe(600 * 1024);
    expect(parseDfAvailable('df: /sdcard: Permission denied\n')).toBeUndefined();
  });
});

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAppiumUrl } from '../../src/appium/endpoint.js';
import { type AppiumServer, startAppium } from '../../src/appium/server.js';

import { openDeviceSession } from '../../src/drivers/index.js';
import { DraftvaultError } from '../../src/errors.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();
let server: AppiumServer;
let saved: NodeJS.ProcessEnv;

beforeAll(async () => {
  saved = { ...process.env };
  server = await startAppium({ logFile: join(tmp(), 'appium.log') });
});
afterAll(async () => {
  await server?.stop();
  process.env = saved;
});

describe('UiAutomator2 session with no phone attached', () => {
  it('fails within 30 s with an error that names the missing device and the fix', async () => {
    const started = Date.now();
    const err = await openDeviceSession({
      endpoint: parseAppiumUrl(server.url),
      device: { kind: 'android', platform: 'android' },
    }).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(err).toBeInstanceOf(DraftvaultError);
    const e = err as DraftvaultError;
    expect(e.code).toBe('E_DEVICE_UNAVAILABLE');
    expect(e.exitCode).toBe(3);
    expect(e.message).toMatch(/Android device/);
    expect(e.hint).toMatch(/adb/);
    expect(e.hint).toMatch(/USB debugging/);
    // Behaviour, not speed: the point is "no hang" (a hang would hit the 60 s test timeout first).
    expect(elapsed).toBeLessThan(30_000);
  });
});

describe('external server', () => {
  it('reports E_APPIUM_UNAVAILABLE when nothing answers at --appium-url', async () => {
    await expect(
      openDeviceSession({
        endpoint: parseAppiumUrl('http://127.0.0.1:9/'),
        device: { kind: 'sim', id: 'x', platform: 'android' },
      }),
    ).rejects.toMatchObject({ code: 'E_APPIUM_UNAVAILABLE' });
  });
});

/** Bad simulator capabilities fail session creation with a message that names the capability. */
import { describe, expect, it } from 'vitest';
import { simAdapter } from '../../../src/drivers/sim-adapter/index.js';
import { DraftvaultError } from '../../../src/errors.js';
import { simState, useSimServer } from '../../helpers/sim.js';

const sim = useSimServer();

describe('simulator capabilities', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['unknown profile', { simProfile: 'tiktok-99.0.0' }, /appium:simProfile.*tiktok-43\.1\.4/],
    ['negative drafts', { simDrafts: -1 }, /appium:simDrafts/],
    ['bad seed', { simSeed: 'abc' }, /appium:simSeed/],
    ['unknown fault', { simFaults: { meteorStrike: 1 } }, /appium:simFaults.*meteorStrike/],
  ];
  for (const [name, caps, message] of cases) {
    it(`${name}: E_CONFIG naming the capability`, async () => {
      const err = await sim.open(`caps-${name.replace(/\W/g, '')}`, caps as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DraftvaultError);
      expect((err as DraftvaultError).code).toBe('E_CONFIG');
      expect((err as DraftvaultError).exitCode).toBe(2);
      expect((err as DraftvaultError).message).toMatch(message);
    });
  }

  it('the adapter sends noReset: true, so a session that also names appPackage keeps the drafts', async () => {
    // A session without it would clear TikTok's data, as UiAutomator2 does (model/session-start.ts).
    expect(simAdapter.capabilities({ kind: 'sim', id: 'x', platform: 'android' })['appium:noReset']).toBe(
      true,
    );
    const first = await sim.open('caps-noreset', { simReset: true, simDrafts: 2 });
    await sim.close(first);
    const s = await sim.open('caps-noreset', {}, { 'appium:appPackage': 'com.zhiliaoapp.musically' });
    expect((await simState(s)).drafts).toHaveLength(2);
    expect((await simState(s)).app.running).toBe(true);
  });
});

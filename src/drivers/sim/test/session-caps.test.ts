/**
 * Session capabilities as UiAutomator2 honours them (model/session-start.ts; the driver's
 * lib/commands/aut.ts): appPackage/appActivity launch the app, autoLaunch false does not, and a
 * session without noReset: true clears the app's data, drafts included.
 */
import { describe, expect, it } from 'vitest';
import { useSimServer } from './support/sim.js';
import { simState } from './support/walk.js';

const sim = useSimServer();
const PKG = 'com.zhiliaoapp.musically';
const APP = {
  'appium:appPackage': PKG,
  'appium:appActivity': 'com.ss.android.ugc.aweme.splash.SplashActivity',
};

async function reopen(name: string, extra: Record<string, unknown>) {
  const first = await sim.open(name, { simReset: true, simDrafts: 3 });
  await sim.close(first);
  return await sim.open(name, {}, extra);
}

describe('session capabilities', () => {
  it('without appPackage the phone stays on the launcher and keeps its drafts', async () => {
    const s = await reopen('sc-none', {});
    const st = await simState(s);
    expect(st.app.running).toBe(false);
    expect(st.drafts).toHaveLength(3);
  });

  it('appPackage without noReset: true clears TikTok’s data, drafts included (a wrong capability loses drafts)', async () => {
    const s = await reopen('sc-reset', APP);
    const st = await simState(s);
    expect(st.drafts).toHaveLength(0);
    expect(await s.queryAppState(PKG)).toBe(4);
  });

  it('appPackage with noReset: true launches TikTok and keeps the drafts; autoLaunch: false does not launch', async () => {
    const kept = await reopen('sc-keep', { ...APP, 'appium:noReset': true });
    expect((await simState(kept)).drafts).toHaveLength(3);
    expect(await kept.queryAppState(PKG)).toBe(4);
    const still = await reopen('sc-nolaunch', { ...APP, 'appium:noReset': true, 'appium:autoLaunch': false });
    expect((await simState(still)).drafts).toHaveLength(3);
    expect(await still.queryAppState(PKG)).toBe(1);
  });

  it('an appPackage the phone does not have fails the session', async () => {
    await expect(
      sim.open('sc-other', { simReset: true }, { 'appium:appPackage': 'com.example.nope' }),
    ).rejects.toThrow(/not installed/);
  });
});

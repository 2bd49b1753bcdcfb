/**
 * Simulated-phone sessions for the package's tests: a real Appium 3 server (support/appium.ts)
 * and a plain WebdriverIO client, the way any Appium client reaches the driver. One server per
 * test file; phones live in a temp folder removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { remote } from 'webdriverio';
import { type SimCapsInput, toWireCaps } from '../../caps.js';
import { startAppium } from './appium.js';

/** A session on a simulated phone. */
export type Session = WebdriverIO.Browser;

/** Open a session on simulated phone `device` (automationName DraftvaultSim) at `url`. */
export async function openSimSession(
  url: string,
  device: string,
  caps: Partial<SimCapsInput> & { simHome: string },
  extra: Record<string, unknown> = {},
  platform: 'android' | 'ios' = 'android',
): Promise<Session> {
  const { hostname, port } = new URL(url);
  return await remote({
    hostname,
    port: Number(port),
    path: '/',
    logLevel: 'silent',
    // One try per command (WebdriverIO's default retries would repeat taps) and no implicit waits.
    connectionRetryCount: 0,
    waitforTimeout: 0,
    capabilities: {
      ...toWireCaps({
        platformName: platform === 'ios' ? 'iOS' : 'Android',
        automationName: 'DraftvaultSim',
        simDevice: device,
        ...caps,
      }),
      ...extra,
    } as WebdriverIO.Capabilities,
  });
}

/** How a harness starts its server and opens sessions (the package's own, or draftvault's). */
export interface SimBackend<S extends Session = Session> {
  /** Start a server that writes its log into `dir`. */
  start(dir: string): Promise<{ url: string; stop(): Promise<void> }>;
  /** Open a session on phone `device`; `caps` carry `simHome`. */
  open(
    url: string,
    device: string,
    caps: Partial<SimCapsInput> & { simHome: string },
    extra: Record<string, unknown>,
    platform: 'android' | 'ios',
  ): Promise<S>;
  close(session: S): Promise<void>;
}

/** This package's backend: support/appium.ts and a plain WebdriverIO client. */
const packageBackend: SimBackend = {
  // `mobile: shell` (ls, dumpsys) needs the driver-prefixed insecure feature, as on UiAutomator2.
  start: (dir) =>
    startAppium({ logFile: join(dir, 'appium.log'), allowInsecure: ['draftvaultsim:adb_shell'] }),
  open: openSimSession,
  close: (s) => s.deleteSession().catch(() => {}),
};

/**
 * A test harness: one Appium server per test file (started in beforeAll), sessions on simulated
 * phones in a temp folder, everything closed and removed in afterAll.
 */
export function useSimHarness<S extends Session>(backend: SimBackend<S>) {
  const ctx: { server?: { url: string; stop(): Promise<void> }; home?: string; sessions: S[] } = {
    sessions: [],
  };
  beforeAll(async () => {
    ctx.home = mkdtempSync(join(tmpdir(), 'sim-driver-'));
    ctx.server = await backend.start(ctx.home);
  });
  afterAll(async () => {
    for (const s of ctx.sessions) await backend.close(s);
    await ctx.server?.stop();
    if (ctx.home) rmSync(ctx.home, { recursive: true, force: true });
  });
  return {
    /** The folder of this file's phones (`appium:simHome`). */
    get phones(): string {
      return join(ctx.home!, 'phones');
    },
    /** Open a session on simulated phone `device` with these sim capabilities. */
    async open(
      device: string,
      caps: Partial<SimCapsInput> = {},
      extra: Record<string, unknown> = {},
      platform: 'android' | 'ios' = 'android',
    ): Promise<S> {
      const withHome = { simHome: this.phones, ...caps };
      const s = await backend.open(ctx.server!.url, device, withHome, extra, platform);
      ctx.sessions.push(s);
      return s;
    },
    async close(s: S): Promise<void> {
      ctx.sessions = ctx.sessions.filter((x) => x !== s);
      await backend.close(s);
    },
  };
}

/** The harness on this package's own server and client. */
export function useSimServer() {
  return useSimHarness(packageBackend);
}

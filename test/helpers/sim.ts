/**
 * Simulated-phone sessions for integration tests: the real embedded Appium server and the real
 * WebdriverIO client, exactly the path a real phone takes. One server per test file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PhoneState, type SimCapsInput, toWireCaps } from 'draftvault-sim-driver/api';
import { afterAll, beforeAll } from 'vitest';
import { parseAppiumUrl } from '../../src/appium/endpoint.js';
import { type AppiumServer, startAppium } from '../../src/appium/server.js';
import { closeSession, openSession, type Session } from '../../src/appium/session.js';

/** Texts the tests tap, per locale (the product keeps these in flows/selectors YAML). */
export const UI = {
  en: {
    notNow: 'Not now',
    dontAllow: 'Don’t allow',
    profile: 'Profile',
    draftsPrefix: 'Drafts:',
    next: 'Next',
    everyone: 'Everyone can view this post',
    onlyYou: 'Only you',
    onlyYouRow: 'Only you can view this post',
    moreOptions: 'More options',
    saveToDevice: 'Save to device',
    post: 'Post',
  },
  fr: {
    notNow: 'Pas maintenant',
    dontAllow: 'Ne pas autoriser',
    profile: 'Profil',
    draftsPrefix: 'Brouillons',
    next: 'Suivant',
    everyone: 'Tout le monde peut voir cette publication',
    onlyYou: 'Seulement toi',
    onlyYouRow: 'Seulement toi peux voir cette publication',
    moreOptions: 'Plus d’options',
    saveToDevice: 'Enregistrer sur l’appareil',
    post: 'Publier',
  },
};

/** A test harness: one Appium server, sessions on simulated phones in a temp folder. */
export function useSimServer() {
  const ctx: { server?: AppiumServer; home?: string; sessions: Session[] } = { sessions: [] };
  beforeAll(async () => {
    ctx.home = mkdtempSync(join(tmpdir(), 'dv-sim-'));
    // The product lists saved videos with `mobile: shell ls`, which needs the driver-prefixed feature.
    ctx.server = await startAppium({
      logFile: join(ctx.home, 'appium.log'),
      allowInsecure: ['draftvaultsim:adb_shell'],
    });
  });
  afterAll(async () => {
    for (const s of ctx.sessions) await closeSession(s);
    await ctx.server?.stop();
    if (ctx.home) rmSync(ctx.home, { recursive: true, force: true });
  });
  return {
    get server() {
      return ctx.server!;
    },
    get home() {
      return ctx.home!;
    },
    /** Open a session on simulated phone `device` with these sim capabilities. */
    async open(
      device: string,
      caps: Partial<SimCapsInput> = {},
      extra: Record<string, unknown> = {},
      platform: 'android' | 'ios' = 'android',
    ): Promise<Session> {
      const session = await openSession({
        endpoint: parseAppiumUrl(ctx.server!.url),
        device: { kind: 'sim', id: device, platform },
        capabilities: { ...toWireCaps({ simHome: join(ctx.home!, 'phones'), ...caps }), ...extra },
      });
      ctx.sessions.push(session);
      return session;
    },
    async close(session: Session): Promise<void> {
      ctx.sessions = ctx.sessions.filter((s) => s !== session);
      await closeSession(session);
    },
  };
}

/** The phone's state, as the simulator reports it. */
export async function simState(s: Session): Promise<PhoneState> {
  return (await s.execute('mobile: simState')) as PhoneState;
}

/** Selector helpers (UiAutomator strings). */
export const by = {
  text: (t: string) => `android=new UiSelector().text(${JSON.stringify(t)})`,
  textStarts: (t: string) => `android=new UiSelector().textStartsWith(${JSON.stringify(t)})`,
  desc: (d: string) => `~${d}`,
  descStarts: (d: string) => `android=new UiSelector().descriptionStartsWith(${JSON.stringify(d)})`,
};

/** Tap the element once it is there (up to `timeoutMs`); fails with the selector and the screen. */
export async function tap(s: Session, selector: string, timeoutMs = 10_000): Promise<void> {
  const el = await s.$(selector);
  const ok = await el.waitForExist({ timeout: timeoutMs, interval: 50 }).catch(() => false);
  if (!ok) throw new Error(`not on screen: ${selector}\n${await s.getPageSource()}`);
  await el.click();
}

/** Launch TikTok and dismiss the first-launch pop-ups. */
export async function launchAndDismiss(s: Session, pkg: string, locale: keyof typeof UI): Promise<void> {
  await s.activateApp(pkg);
  await tap(s, by.text(UI[locale].notNow));
  await tap(s, by.text(UI[locale].dontAllow));
}

/** From the feed to the post screen of the first draft. */
export async function toPostScreen(s: Session, locale: keyof typeof UI): Promise<void> {
  const t = UI[locale];
  await tap(s, by.desc(t.profile));
  await tap(s, by.textStarts(t.draftsPrefix));
  const first = (await simState(s)).drafts[0]!;
  await tap(s, by.text(first.caption));
  await tap(s, by.text(t.next));
}

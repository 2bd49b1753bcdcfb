/**
 * What a WebDriver command costs on a real Android phone through UiAutomator2, so that a benchmark
 * on the simulated phone (`appium:simCostModel: 'real-phone'`) pays what a phone would charge.
 *
 * No systematic published benchmark of UiAutomator2 per-command latency exists; the values below
 * come from single published logs (one app, one device each) and from the servers' code, so read
 * them as typical, not exact. Sources, as `owner/repo#issue` on GitHub:
 * - one HTTP hop client → Appium → adb forward → UIA2 server: 12–37 ms for a trivial command
 *   (appium/appium-uiautomator2-driver#131, appium/appium#15336); Appium's own share 1–3 ms
 *   (appium/appium#15275). We use 20 ms.
 * - find by id / accessibility id ~40–60 ms (appium/appium#8349, #15306, #15829); every find,
 *   page source and click first waits for the UI to be idle: 500 ms without accessibility events,
 *   at most `waitForIdleTimeout` (AOSP UiAutomatorBridge; appium-uiautomator2-server#366), and a
 *   playing video never idles (appium/appium-desktop#1378: 10.04 s per interaction).
 * - a UiSelector that matches nothing waits `waitForSelectorTimeout` (default 10 s, "only applied to
 *   android uiautomator location strategy": appium-uiautomator2-driver README, Settings). Whether
 *   findElements (plural) waits as well is not documented; we charge it to findElement only.
 * - xpath and page source snapshot the whole tree: ~2.2 ms per node for a dump
 *   (mobile-next/mobilecli#286), 56–71 ms for xpath on small screens (appium/appium#17032);
 *   the evaluation itself is ~1 ms (appium/appium-uiautomator2-server#613).
 * - click 72–107 ms (appium-uiautomator2-server#379, AppiumTestDistribution/appium-device-farm#513);
 *   getAttribute / getSize 52–128 ms (appium/appium#15302, #15275); setValue is one ACTION_SET_TEXT.
 * - a `-android uiautomator` value of several `;`-separated statements is one request but one tree
 *   search per statement (the server runs them one after another): each statement pays the search,
 *   the hop and the idle wait are paid once.
 * - adb shell calls ~230 ms each (catapult-project/catapult#2636: 3 calls ~0.7 s); activateApp is
 *   two of them, terminateApp a force-stop plus a 100 ms poll (appium-android-driver app-management).
 * - adb pull over USB 2 ~36 MB/s; pullFile adds base64 over HTTP (~10 ms/MB here).
 */

import { uiStatements } from '../ui/uiselector.js';

/** The inputs of one command's cost, read from the simulated phone. */
export interface CommandFacts {
  /** Appium's command name (`findElements`, `click`, `execute`, ...). */
  cmd: string;
  args: readonly unknown[];
  /** Nodes in the tree a lookup or page source walks. */
  nodes: number;
  /** Whether a video plays on screen (TikTok's feed): the UI is then never idle. */
  playing: boolean;
  /** A lookup that found nothing. */
  missed: boolean;
  /** Bytes moved by pullFile / pushFile. */
  bytes: number;
  /** Milliseconds since the screen last changed. */
  sinceChange: number;
  waitForIdleTimeout: number;
  waitForSelectorTimeout: number;
}

const HOP = 20;
const QUIET_MS = 500;
/** A transition's animation before the accessibility events stop (Android's default 300 ms). */
const ANIMATION_MS = 300;
const ADB_SHELL = 230;
const USB2_BYTES_PER_MS = 36_000;
const BASE64_MS_PER_MB = 10;

const READS = new Set([
  'getText',
  'getAttribute',
  'getProperty',
  'getName',
  'getElementRect',
  'getSize',
  'getLocation',
  'elementDisplayed',
  'elementEnabled',
  'elementSelected',
  'getWindowRect',
  'getWindowSize',
]);

/** The idle wait UiAutomator2 makes before a find, a page source or after a click. */
function idle(f: CommandFacts): number {
  if (f.playing) return f.waitForIdleTimeout;
  return Math.min(f.waitForIdleTimeout, Math.max(0, QUIET_MS + ANIMATION_MS - f.sinceChange));
}

function findCost(f: CommandFacts): number {
  const strategy = String(f.args[0] ?? '');
  if (strategy === 'xpath') return HOP + idle(f) + 21 + 1.5 * f.nodes;
  if (strategy === '-android uiautomator') {
    const wait = f.missed && f.cmd.startsWith('findElement') && !f.cmd.includes('Elements');
    const searches = Math.max(1, uiStatements(String(f.args[1] ?? '')).length);
    return HOP + idle(f) + searches * (40 + 0.1 * f.nodes) + (wait ? f.waitForSelectorTimeout : 0);
  }
  return HOP + idle(f) + 30 + 0.1 * f.nodes;
}

/** W3C actions run on the phone on their own timestamps: the longest input source's durations. */
function actionsDuration(actions: unknown): number {
  if (!Array.isArray(actions)) return 0;
  let longest = 0;
  for (const source of actions as { actions?: { duration?: number }[] }[]) {
    const total = (source.actions ?? []).reduce((t, a) => t + (Number(a.duration) || 0), 0);
    longest = Math.max(longest, total);
  }
  return longest;
}

function executeCost(script: string): number {
  if (script === 'mobile: shell') return HOP + ADB_SHELL;
  if (/Gesture$/.test(script)) return HOP + 60 + 300;
  return HOP + 30;
}

/** Milliseconds a real phone would take to answer this command. */
export function realPhoneCostMs(f: CommandFacts): number {
  const c = f.cmd;
  if (c.startsWith('findElement')) return findCost(f);
  if (c === 'getPageSource') return HOP + idle(f) + 50 + 2.5 * f.nodes;
  if (c === 'click') return HOP + 60;
  if (READS.has(c)) return HOP + 30;
  if (c === 'setValue' || c === 'replaceValue') return HOP + 110;
  if (c === 'clear') return HOP + 85;
  if (c === 'performActions') return HOP + 40 + actionsDuration(f.args[0]);
  if (c === 'execute') return executeCost(String(f.args[0] ?? ''));
  if (c === 'activateApp') return 2 * ADB_SHELL;
  if (c === 'terminateApp') return ADB_SHELL + 100;
  if (c === 'queryAppState' || c === 'isAppInstalled') return ADB_SHELL;
  if (c === 'pullFile' || c === 'pushFile')
    return 80 + f.bytes / USB2_BYTES_PER_MS + (f.bytes / 1e6) * BASE64_MS_PER_MB;
  if (c === 'back' || c === 'pressKeyCode') return HOP + 40;
  // Screenshots: a PNG of the screen encoded on the phone (no published figure; ~300 ms here).
  if (c === 'getScreenshot') return HOP + 300;
  return HOP + 5;
}

/** The settings the cost depends on, as the session set them. */
type CostSettings = { waitForIdleTimeout?: unknown; waitForSelectorTimeout?: unknown };

/** Charges each command's real-phone cost after it ran on the simulated phone. */
export class RealPhoneClock {
  private changedAt = Date.now();

  /**
   * Milliseconds to add for a command that just ran: `screenBefore`/`screenAfter` tell whether
   * it changed the screen (then the next idle-waiting command pays the settle time).
   */
  charge(
    cmd: string,
    args: readonly unknown[],
    seen: { nodes: number; playing: boolean; screenBefore: number; screenAfter: number },
    outcome: { result: unknown; error: unknown },
    settings: CostSettings,
  ): number {
    const now = Date.now();
    const ms = realPhoneCostMs({
      cmd,
      args,
      nodes: seen.nodes,
      playing: seen.playing,
      missed: isMiss(outcome),
      bytes: movedBytes(cmd, args, outcome.result),
      sinceChange: now - this.changedAt,
      waitForIdleTimeout: numberOr(settings.waitForIdleTimeout, 10_000),
      waitForSelectorTimeout: numberOr(settings.waitForSelectorTimeout, 10_000),
    });
    if (seen.screenAfter !== seen.screenBefore) this.changedAt = now + ms;
    return ms;
  }
}

function isMiss(o: { result: unknown; error: unknown }): boolean {
  if (o.error) return (o.error as { error?: string }).error === 'no such element';
  return Array.isArray(o.result) && o.result.length === 0;
}

function movedBytes(cmd: string, args: readonly unknown[], result: unknown): number {
  const b64 = cmd === 'pullFile' ? result : cmd === 'pushFile' ? args[1] : undefined;
  return typeof b64 === 'string' ? Math.floor((b64.length * 3) / 4) : 0;
}

function numberOr(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
}

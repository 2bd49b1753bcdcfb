/**
 * `draftvault doctor`'s iPhone checks: what a real iPhone needs on the computer that drives it
 * (appium-xcuitest-driver's real-device guide: macOS, Xcode, the phone attached and trusted, a
 * WebDriverAgent that can be signed). Each check runs only when the one before it passed; the
 * others say what they wait for, so a Linux machine gets one fix line, not five failures.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Check } from './check.js';

const run = promisify(execFile);

/** What the iPhone checks found. */
export interface IosFacts {
  checks: Check[];
  /** Every check passed: XCUITest can drive `udid` (or the only attached iPhone). */
  ready: boolean;
}

async function tool(cmd: string, args: string[]): Promise<string | undefined> {
  try {
    return (await run(cmd, args, { timeout: 30_000 })).stdout;
  } catch {
    return undefined;
  }
}

/** Attached iPhones as `xcrun xctrace list devices` prints them: "Name (18.1) (00008110-...)". */
export function parseXctraceDevices(out: string): { name: string; udid: string }[] {
  const devices: { name: string; udid: string }[] = [];
  let section = '';
  for (const line of out.split(/\r?\n/)) {
    const head = /^== (.+) ==$/.exec(line.trim());
    if (head) section = head[1]!;
    const m = /^(.+?) \((\d+(?:\.\d+)*)\) \(([0-9A-Fa-f-]{24,})\)$/.exec(line.trim());
    // "Devices" are real ones; "Simulators" and this Mac (no OS version in brackets) are not.
    if (m && section === 'Devices') devices.push({ name: m[1]!, udid: m[3]! });
  }
  return devices;
}

/** The iPhone checks; `udid` narrows the attached-device check to one phone. */
export async function checkIos(root: string, platform: NodeJS.Platform, udid?: string): Promise<IosFacts> {
  const checks: Check[] = [];
  const done = (ready: boolean) => ({ checks, ready });
  if (platform !== 'darwin') {
    checks.push({
      name: 'ios: macOS',
      status: 'warn',
      detail: `this is ${platform}: XCUITest (and so any iPhone) needs macOS with Xcode`,
      fix: 'run draftvault on a Mac with Xcode, or give --appium-url of an Appium server on a Mac with the iPhone attached',
    });
    return done(false);
  }
  checks.push({ name: 'ios: macOS', status: 'ok', detail: 'macOS' });
  const xcode = await tool('xcodebuild', ['-version']);
  checks.push(
    xcode
      ? { name: 'ios: Xcode', status: 'ok', detail: xcode.split('\n')[0]!.trim() }
      : {
          name: 'ios: Xcode',
          status: 'fail',
          detail: 'xcodebuild did not run',
          fix: 'install Xcode from the App Store, open it once, then `sudo xcode-select -s /Applications/Xcode.app`',
        },
  );
  if (!xcode) return done(false);
  const devices = parseXctraceDevices((await tool('xcrun', ['xctrace', 'list', 'devices'])) ?? '');
  const found = udid ? devices.filter((d) => d.udid === udid) : devices;
  checks.push(
    found.length > 0
      ? { name: 'ios: device', status: 'ok', detail: found.map((d) => `${d.name} (${d.udid})`).join(', ') }
      : {
          name: 'ios: device',
          status: 'fail',
          detail: udid ? `iPhone ${udid} is not attached` : 'no iPhone attached',
          fix: 'connect the iPhone by cable, unlock it, tap "Trust This Computer"; turn on Settings → Privacy & Security → Developer Mode',
        },
  );
  const wda = join(root, 'node_modules', 'appium-xcuitest-driver', 'node_modules', 'appium-webdriveragent');
  const wdaThere = existsSync(join(wda, 'WebDriverAgent.xcodeproj'));
  checks.push(
    wdaThere
      ? {
          name: 'ios: WebDriverAgent',
          status: 'warn',
          detail: 'its source is installed; it is built and signed on the phone at the first session',
          fix: 'give your Apple team in the device capabilities ("appium:xcodeOrgId", "appium:xcodeSigningId": "Apple Development"), or a prebuilt WebDriverAgent (see README, "Running on an iPhone")',
        }
      : {
          name: 'ios: WebDriverAgent',
          status: 'fail',
          detail: 'appium-xcuitest-driver came without WebDriverAgent',
          fix: 'run `npm ci` in the draftvault folder',
        },
  );
  return done(found.length > 0 && wdaThere);
}

/**
 * One device for one run: the Appium endpoint (embedded or external), the WebdriverIO session,
 * and the device facts. Released on every exit path.
 */
import { open } from 'node:fs/promises';
import { acquireAppium } from '../appium/endpoint.js';
import { closeSession, openSession, type Session } from '../appium/session.js';
import { TIKTOK_ANDROID_PACKAGE } from '../drivers/android/index.js';
import { deviceFacts } from '../drivers/facts.js';
import { TIKTOK_IOS_BUNDLE } from '../drivers/ios/index.js';
import type { DeviceRef } from '../drivers/types.js';
import type { DeviceFacts } from '../flows/selectors.js';

/** A device ready for flows. */
export interface DeviceSession {
  session: Session;
  device: DeviceRef;
  facts: DeviceFacts & { device: string };
  /** The TikTok package / bundle id on this device. */
  appId: string;
  /** True when the Appium server runs on this computer (so adb can reach the phone directly). */
  local: boolean;
  /** The last lines of the embedded Appium log (empty for an external server). */
  appiumLogTail(): Promise<string>;
}

/** Options for {@link withDeviceSession}. */
export interface DeviceSessionOptions {
  device: DeviceRef;
  appiumUrl?: string;
  runDir: string;
  signal: AbortSignal;
  /** Extra capabilities (e.g. simulator options). */
  capabilities?: Record<string, unknown>;
}

// The features draftvault itself needs: listing saved videos and reading the app version.
const INSECURE = ['uiautomator2:adb_shell', 'draftvaultsim:adb_shell'];

/** Run `fn` with a device session; the session and any embedded server are always released. */
export async function withDeviceSession<T>(
  opts: DeviceSessionOptions,
  fn: (d: DeviceSession) => Promise<T>,
): Promise<T> {
  const lease = await acquireAppium({
    appiumUrl: opts.appiumUrl,
    runDir: opts.runDir,
    allowInsecure: INSECURE,
    signal: opts.signal,
  });
  try {
    const session = await openSession({
      endpoint: lease.endpoint,
      device: opts.device,
      capabilities: opts.capabilities,
      signal: opts.signal,
    });
    try {
      if (opts.device.platform === 'android') {
        // TikTok never idles (video plays): UiAutomator2's default 10 s idle wait would stall every command.
        await session.updateSettings({ waitForIdleTimeout: 100 });
      }
      const appId = opts.device.platform === 'ios' ? TIKTOK_IOS_BUNDLE : await androidAppId(session);
      const facts = await deviceFacts(session, opts.device, appId);
      const logFile = lease.server?.logFile;
      return await fn({
        session,
        device: opts.device,
        facts,
        appId,
        local: !!lease.server,
        appiumLogTail: () => tail(logFile),
      });
    } finally {
      await closeSession(session);
    }
  } finally {
    await lease.release();
  }
}

async function androidAppId(session: Session): Promise<string> {
  const caps = session.capabilities as Record<string, unknown>;
  return (caps['appium:appPackage'] ?? caps.appPackage ?? TIKTOK_ANDROID_PACKAGE) as string;
}

async function tail(file: string | undefined, bytes = 64 * 1024): Promise<string> {
  if (!file) return '';
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const buf = Buffer.alloc(Math.min(bytes, size));
    await fh.read(buf, 0, buf.length, size - buf.length);
    return buf.toString('utf8');
  } finally {
    await fh.close();
  }
}

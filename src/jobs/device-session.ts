/**
 * One device for one run: the Appium endpoint (embedded or external), the WebdriverIO session,
 * the device's file access and facts, all from the device's adapter. Released on every exit path.
 */
import { open } from 'node:fs/promises';
import { type AppiumLease, acquireAppium } from '../appium/endpoint.js';
import { closeSession, type Session } from '../appium/session.js';
import { checkDevicePath, DEFAULT_DEVICE_ROOTS } from '../core/paths.js';
import { deviceFacts } from '../drivers/facts.js';
import { adapterFor, openDeviceSession } from '../drivers/index.js';
import type { DeviceFacts, DeviceIO, DeviceRef, MediaFolders } from '../drivers/types.js';

/** A device ready for flows. */
export interface DeviceSession {
  session: Session;
  device: DeviceRef;
  facts: DeviceFacts;
  /** The TikTok package / bundle id on this device. */
  appId: string;
  /** Files on the phone (paths checked against the device path policy). */
  io: DeviceIO;
  /** The phone folders the jobs use. */
  media: MediaFolders;
  /** The last lines of the embedded Appium log (empty for an external server). */
  appiumLogTail(): Promise<string>;
}

/** Options for {@link withDeviceSession}. */
export interface DeviceSessionOptions {
  device: DeviceRef;
  appiumUrl?: string;
  runDir: string;
  signal: AbortSignal;
  /** Extra capabilities (e.g. simulator options), already validated. */
  capabilities?: Record<string, unknown>;
  /** Device folders allowed besides the media folders (config). */
  deviceRoots?: readonly string[];
  /** A server shared with other runs (a fleet backup): used, never released here. */
  lease?: AppiumLease;
}

/** File access with the device path policy in front of it. */
function checkedIO(io: DeviceIO, roots?: readonly string[]): DeviceIO {
  return {
    list: (dir) => io.list(dir),
    pull: (remote, local) => io.pull(checkDevicePath(remote, roots), local),
    push: (remote, bytes) => io.push(checkDevicePath(remote, roots), bytes),
    delete: (remote) => io.delete(checkDevicePath(remote, roots)),
    appVersion: (id) => io.appVersion(id),
  };
}

/** Run `fn` with a device session; the session and any embedded server are always released. */
export async function withDeviceSession<T>(
  opts: DeviceSessionOptions,
  fn: (d: DeviceSession) => Promise<T>,
): Promise<T> {
  const adapter = adapterFor(opts.device.kind);
  const shared = opts.lease;
  const lease =
    shared ??
    (await acquireAppium({
      appiumUrl: opts.appiumUrl,
      runDir: opts.runDir,
      allowInsecure: [...adapter.insecureFeatures],
      useDrivers: [adapter.appiumDriver],
      deviceRoots: opts.deviceRoots,
      signal: opts.signal,
    }));
  try {
    const session = await openDeviceSession({
      endpoint: lease.endpoint,
      device: opts.device,
      capabilities: opts.capabilities,
      token: lease.token,
      signal: opts.signal,
    });
    try {
      const { appId } = await adapter.prepare(session, opts.device);
      const io = adapter.io({ session, device: opts.device, local: !!lease.server, signal: opts.signal });
      const facts = await deviceFacts(session, opts.device, appId, io);
      const logFile = lease.server?.logFile;
      const media = adapter.media(opts.device);
      const roots = [...(media.roots ?? []), ...(opts.deviceRoots ?? DEFAULT_DEVICE_ROOTS)];
      return await fn({
        session,
        device: opts.device,
        facts,
        appId,
        io: checkedIO(io, roots),
        media,
        appiumLogTail: () => tail(logFile),
      });
    } finally {
      await closeSession(session);
    }
  } finally {
    if (!shared) await lease.release();
  }
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

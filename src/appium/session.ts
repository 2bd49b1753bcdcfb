/**
 * Open a WebdriverIO session on a device through an Appium endpoint.
 */
import { remote } from 'webdriverio';
import { DraftvaultError } from '../errors.js';
import type { AppiumEndpoint } from './endpoint.js';
import { TOKEN_CAP } from './protocol.js';

/** The WebdriverIO browser object, as the rest of draftvault sees it. */
export type Session = WebdriverIO.Browser;

/** Options for {@link openSession}. */
export interface OpenSessionOptions {
  endpoint: AppiumEndpoint;
  /** The capabilities (the device adapter makes them; this layer knows no device kind). */
  capabilities: Record<string, unknown>;
  /** The device in words, for errors ("sim device phone1"). */
  describe: string;
  /** Turns a driver's session error into one that names the device and the fix. */
  explain?: (err: Error) => DraftvaultError | undefined;
  /** The embedded server's guard token (see guard/plugin.ts). */
  token?: string;
  /** How long one WebDriver request may take (ms). Real phones can be slow to start a session. */
  requestTimeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Create the session. Failures come back as a DraftvaultError that names the device and the fix
 * (E_DEVICE_UNAVAILABLE, E_APPIUM_UNAVAILABLE or E_CONFIG), never as a raw driver stack.
 */
export async function openSession(opts: OpenSessionOptions): Promise<Session> {
  opts.signal?.throwIfAborted();
  const capabilities = { ...opts.capabilities, ...(opts.token ? { [TOKEN_CAP]: opts.token } : {}) };
  try {
    return await remote({
      protocol: opts.endpoint.protocol,
      hostname: opts.endpoint.hostname,
      port: opts.endpoint.port,
      path: opts.endpoint.path,
      capabilities: capabilities as WebdriverIO.Capabilities,
      logLevel: 'silent',
      // WebdriverIO retries failed commands 3 times by default: a non-idempotent tap would run
      // 4 times. Retries belong to the step level (p-retry), where we know what is safe.
      connectionRetryCount: 0,
      connectionRetryTimeout: opts.requestTimeoutMs ?? 120_000,
      waitforTimeout: 0,
    });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    if (
      /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|fetch failed|Failed to fetch|make sure you have a WebDriver compatible server/i.test(
        e.message,
      )
    ) {
      throw new DraftvaultError('E_APPIUM_UNAVAILABLE', `no Appium server answers at ${opts.endpoint.href}`, {
        hint: 'start one (`draftvault appium`) or leave out --appium-url to use the embedded server',
        cause: e,
      });
    }
    throw (
      opts.explain?.(e) ??
      new DraftvaultError(
        'E_DEVICE_UNAVAILABLE',
        `cannot open a session on ${opts.describe}: ${firstLine(e)}`,
        {
          hint: 'run `draftvault doctor` to see what is missing',
          cause: e,
        },
      )
    );
  }
}

/** Delete the session, ignoring a device that is already gone. */
export async function closeSession(session: Session): Promise<void> {
  try {
    await session.deleteSession();
  } catch {
    // The device or server may already be gone; nothing left to release.
  }
}

function firstLine(e: Error): string {
  return e.message.split('\n')[0]!.slice(0, 300);
}

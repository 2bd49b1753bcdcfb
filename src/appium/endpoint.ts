/**
 * Where the WebDriver commands go: the embedded server (started here, stopped here) or an external
 * Appium / Selenium Grid URL given by the user (never started or stopped by us).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DraftvaultError } from '../errors.js';
import { type AppiumServer, startAppium } from './server.js';

/** A parsed, validated Appium URL. */
export interface AppiumEndpoint {
  protocol: 'http' | 'https';
  hostname: string;
  port: number;
  /** Base path, always ending in "/" (e.g. "/" or "/wd/hub/"). */
  path: string;
  /** The URL as the user can read it. */
  href: string;
}

/** Parse `--appium-url`; anything but an http(s) URL with a host is invalid input. */
export function parseAppiumUrl(raw: string): AppiumEndpoint {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new DraftvaultError('E_USAGE', `--appium-url "${raw}" is not a URL`, {
      hint: 'e.g. --appium-url http://127.0.0.1:4723/ or a Grid URL such as http://grid:4444/wd/hub',
      cause,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DraftvaultError('E_USAGE', `--appium-url must be http or https, not "${url.protocol}"`, {
      hint: 'e.g. --appium-url http://127.0.0.1:4723/',
    });
  }
  if (!url.hostname) {
    throw new DraftvaultError('E_USAGE', `--appium-url "${raw}" has no host`, {
      hint: 'e.g. --appium-url http://127.0.0.1:4723/',
    });
  }
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  const port = url.port ? Number(url.port) : protocol === 'https' ? 443 : 80;
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { protocol, hostname: url.hostname, port, path, href: `${protocol}://${url.host}${path}` };
}

/** A usable endpoint, plus how to release it when the run ends. */
export interface AppiumLease {
  endpoint: AppiumEndpoint;
  /** The embedded server, when we started one. */
  server?: AppiumServer;
  /** The secret a session must present on the embedded server (its guard refuses others). */
  token?: string;
  release(): Promise<void>;
}

/** Options for {@link acquireAppium}. */
export interface AcquireAppiumOptions {
  /** External server URL; when set, nothing is started. */
  appiumUrl?: string;
  /** The run folder; the embedded server writes `appium.log` there. */
  runDir: string;
  allowInsecure?: string[];
  /** Drivers the embedded server loads (default: every installed one). */
  useDrivers?: string[];
  /** Phone folders the embedded server's guard lets `ls` list (config: media folders + devicePaths.allow). */
  deviceRoots?: readonly string[];
  signal?: AbortSignal;
}

/** Use the external server if one is named, else start the embedded one. */
export async function acquireAppium(opts: AcquireAppiumOptions): Promise<AppiumLease> {
  if (opts.appiumUrl) {
    const endpoint = parseAppiumUrl(opts.appiumUrl);
    return { endpoint, release: async () => {} };
  }
  const token = randomBytes(24).toString('hex');
  const server = await startAppium({
    logFile: join(opts.runDir, 'appium.log'),
    allowInsecure: opts.allowInsecure,
    guardToken: token,
    guardRoots: opts.deviceRoots,
    useDrivers: opts.useDrivers,
    signal: opts.signal,
  });
  return { endpoint: parseAppiumUrl(server.url), server, token, release: () => server.stop() };
}

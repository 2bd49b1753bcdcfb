/**
 * The guard on draftvault's embedded Appium server (an Appium 3 plugin, loaded only there).
 *
 * The server runs on 127.0.0.1, where any local process (or a web page, through the browser)
 * can reach it. The guard makes it draftvault's alone: a session is created only when the client
 * presents the run's secret token (`draftvault:token`, handed to the server over the parent's
 * IPC channel: it is in no argv and no environment, so child processes such as adb never see it), and `mobile: shell` runs only the
 * few read-only commands draftvault itself sends (listing media folders, reading the app version).
 */

import { errors } from '@appium/base-driver';
import { BasePlugin } from '@appium/base-plugin';
import { TOKEN_CAP } from '../protocol.js';
import { shellAllowed } from './policy.js';

// Shared through the global symbol registry: the child process sets it, the plugin instance that
// Appium loads reads it, whichever copy of this module each of them got.
const SLOT = Symbol.for('draftvault.guardToken');
const ROOTS = Symbol.for('draftvault.guardRoots');
type Slot = { [SLOT]?: string; [ROOTS]?: readonly string[] };

/** Set the token this process's guard accepts (called by the embedded server's child, once). */
export function setGuardToken(token: string): void {
  (globalThis as Slot)[SLOT] = token;
}

/**
 * Set the phone folders `ls` may list: the media folders plus the config's `devicePaths.allow`
 * (called by the child, once). Only shared-storage folders are kept, whatever the parent sent.
 */
export function setGuardRoots(roots: readonly string[]): void {
  (globalThis as Slot)[ROOTS] = roots.filter(
    (r) => /^\/sdcard\/[^/]/.test(r) && !r.split('/').includes('..'),
  );
}

type Caps = { alwaysMatch?: Record<string, unknown>; firstMatch?: Record<string, unknown>[] };

function isW3c(x: unknown): x is Caps {
  return !!x && typeof x === 'object' && ('alwaysMatch' in x || 'firstMatch' in x);
}

/** Take the token out of the capabilities (the driver never sees it); undefined when absent. */
function takeToken(args: unknown[]): string | undefined {
  let token: string | undefined;
  for (const caps of args.filter(isW3c)) {
    for (const m of [caps.alwaysMatch, ...(caps.firstMatch ?? [])]) {
      if (!m || !(TOKEN_CAP in m)) continue;
      const v = m[TOKEN_CAP];
      delete m[TOKEN_CAP];
      if (typeof v === 'string') token = v;
    }
  }
  return token;
}

/** Constant-time comparison of two tokens. */
function same(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return d === 0;
}

/** The plugin class Appium instantiates (package.json `appium.mainClass`). */
export class GuardPlugin extends BasePlugin {
  /** Refuse a session without this run's token. */
  async createSession(next: () => Promise<unknown>, _driver: unknown, ...args: unknown[]): Promise<unknown> {
    const expected = (globalThis as Slot)[SLOT];
    const given = takeToken(args);
    if (!expected || !given || !same(given, expected)) {
      throw new errors.SessionNotCreatedError(
        'this Appium server belongs to a draftvault run and accepts only its sessions',
      );
    }
    return next();
  }

  /** `mobile: shell` only for what draftvault sends; every other script goes on to the driver. */
  async execute(
    next: () => Promise<unknown>,
    _driver: unknown,
    script: string,
    args: unknown,
  ): Promise<unknown> {
    if (/^mobile:\s*shell$/i.test(String(script).trim())) {
      const params = (Array.isArray(args) ? args[0] : args) as
        | { command?: unknown; args?: unknown }
        | undefined;
      const why = shellAllowed(params?.command, params?.args, (globalThis as Slot)[ROOTS]);
      if (why)
        throw new errors.InvalidArgumentError(`draftvault's server refuses this shell command: ${why}`);
    }
    return next();
  }
}

/**
 * The embedded Appium 3 server: start it from this package's node_modules, wait until it answers,
 * stop it on every exit path.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DraftvaultError } from '../errors.js';
import type { AppiumChildMessage, AppiumChildOptions, AppiumParentMessage } from './protocol.js';
import { forkAppiumChild, takeWarmChild } from './warm.js';

/** Options for {@link startAppium}. */
export interface StartAppiumOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Where Appium writes its full log. */
  logFile: string;
  /** Insecure features to enable, each driver-prefixed (`uiautomator2:adb_shell`). None by default. */
  allowInsecure?: string[];
  /** Load the guard plugin: only sessions presenting this token are accepted. */
  guardToken?: string;
  /** Phone folders the guard lets `ls` list (default: the media folders). */
  guardRoots?: readonly string[];
  /** Load only these drivers (by installed name, e.g. `uiautomator2`); default: every installed one. */
  useDrivers?: string[];
  /** How long to wait for the server to answer (ms). */
  readyTimeoutMs?: number;
  signal?: AbortSignal;
}

/** A running embedded server. */
export interface AppiumServer {
  /** Base URL, e.g. `http://127.0.0.1:4723/`. */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Milliseconds from fork to the first good `GET /status`. */
  readonly readyMs: number;
  readonly logFile: string;
  /** Stop the server; resolves when the process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

const INSECURE_FEATURE = /^(\*|[a-z0-9_-]+):[a-z0-9_]+$/i;

/** Check options before anything starts (bad input must have no side effects). */
export function validateAppiumOptions(opts: StartAppiumOptions): void {
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new DraftvaultError('E_USAGE', `invalid port ${String(opts.port)}`, {
      hint: 'use a whole number from 1 to 65535, or leave it out for a free port',
    });
  }
  for (const f of opts.allowInsecure ?? []) {
    if (!INSECURE_FEATURE.test(f)) {
      throw new DraftvaultError('E_USAGE', `insecure feature "${f}" must name its driver`, {
        hint: `Appium 3 wants a driver prefix, e.g. "uiautomator2:${f.replace(/^.*:/, '')}"`,
      });
    }
  }
}

/** Start the embedded Appium server and wait until `GET /status` answers. */
export async function startAppium(opts: StartAppiumOptions): Promise<AppiumServer> {
  validateAppiumOptions(opts);
  opts.signal?.throwIfAborted();
  // Appium appends to the log: create it private first (it holds page sources and commands).
  closeSync(openSync(opts.logFile, 'a', 0o600));
  const childOpts: AppiumChildOptions = {
    port: opts.port ?? 0,
    logFile: opts.logFile,
    allowInsecure: opts.allowInsecure ?? [],
    guardToken: opts.guardToken,
    guardRoots: opts.guardRoots && [...opts.guardRoots],
    useDrivers: opts.useDrivers,
  };
  const started = performance.now();
  const child = takeWarmChild() ?? forkAppiumChild();
  child.send({ type: 'start', options: childOpts } satisfies AppiumParentMessage);
  // Beside the log, so anyone can check that no server outlived its run.
  writeFileSync(join(dirname(opts.logFile), 'appium.pid'), `${child.pid}\n`, { mode: 0o600 });
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (s: string) => {
    stderr.push(...s.split('\n').filter(Boolean));
    stderr.splice(0, Math.max(0, stderr.length - 20));
  });

  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    await stopChild(child);
  };
  try {
    const port = await waitForReady(child, opts.readyTimeoutMs ?? 60_000, opts.signal, stderr);
    const url = `http://127.0.0.1:${port}/`;
    await checkStatus(url);
    const readyMs = Math.round(performance.now() - started);
    // Never a made-up pid: a caller that kills it would signal every process with -1.
    if (child.pid === undefined) throw new Error('Appium reported ready but has no process id');
    return { url, port, pid: child.pid, readyMs, logFile: opts.logFile, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function waitForReady(
  child: ChildProcess,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  stderr: string[],
): Promise<number> {
  const unavailable = (why: string, cause?: unknown) =>
    new DraftvaultError('E_APPIUM_UNAVAILABLE', `Appium did not start: ${why}`, {
      hint: 'run `draftvault doctor`; the Appium log is in the run folder',
      cause,
    });
  return await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(unavailable(`no answer in ${timeoutMs} ms`)), timeoutMs);
    const onAbort = () => reject(new DraftvaultError('E_INTERRUPTED', 'interrupted while starting Appium'));
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    child.on('message', (msg: AppiumChildMessage) => {
      done();
      if (msg.type === 'ready') resolve(msg.port);
      else reject(unavailable(msg.message));
    });
    child.once('exit', (code) => {
      done();
      const last = stderr.at(-1) ?? '';
      reject(unavailable(`server exited with code ${code}${last ? `: ${last}` : ''}`));
    });
  });
}

async function checkStatus(url: string): Promise<void> {
  const res = await fetch(new URL('status', url));
  const body = (await res.json()) as { value?: { ready?: boolean } };
  if (!res.ok || body.value?.ready !== true) {
    throw new DraftvaultError('E_APPIUM_UNAVAILABLE', `Appium at ${url} is not ready (HTTP ${res.status})`);
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  if (child.connected) child.send({ type: 'stop' } satisfies AppiumParentMessage);
  else child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

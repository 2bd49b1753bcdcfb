/**
 * The embedded Appium server's process entry: forked by {@link startAppium}, never run by hand.
 *
 * Why a forked child running Appium's own `main()` (and not `appium` through npx or a shell):
 * - `main({port: 0})` binds a free port with no race, and we report the real port over IPC;
 * - the IPC channel closes when the parent dies for any reason (even SIGKILL), and we exit then,
 *   so no Appium process is ever orphaned;
 * - Appium's in-process traps (process.exit on a busy port, its own signal handlers) only ever
 *   affect this child.
 */
import type { Server } from 'node:http';
import { setGuardRoots, setGuardToken } from './guard/plugin.js';
import {
  type AppiumChildMessage,
  type AppiumChildOptions,
  type AppiumParentMessage,
  TOKEN_CAP,
} from './protocol.js';

/** What `main()` returns for the server command (its declared type is a conditional one). */
type AppiumHttpServer = Omit<Server, 'close'> & { close(): Promise<void> };

function send(msg: AppiumChildMessage): void {
  process.send?.(msg);
}

/** Modules loaded ahead of `start` (a warm child): Appium itself and the named driver packages. */
let loading: Promise<unknown> | undefined;

function warm(packages: string[]): void {
  // Failures here surface at start, where Appium loads the same modules and reports them.
  loading ??= Promise.all([import('appium'), ...packages.map((p) => import(p))]).catch(() => undefined);
}

/** The options arrive over IPC: a token passed that way is in no argv and no environment. */
function options(): Promise<AppiumChildOptions> {
  return new Promise((resolve) => {
    const onMessage = (msg: AppiumParentMessage) => {
      if (msg?.type === 'warm') warm(msg.packages);
      if (msg?.type !== 'start') return;
      process.off('message', onMessage);
      resolve(msg.options);
    };
    process.on('message', onMessage);
  });
}

async function run(): Promise<void> {
  if (!process.send) {
    console.error('draftvault: this file is started by draftvault, not by hand');
    process.exit(2);
  }
  // Parent gone (crash, SIGKILL, normal exit): stop at once. Nothing here is worth finishing.
  process.on('disconnect', () => process.exit(0));
  const opts = await options();
  if (opts.guardToken) setGuardToken(opts.guardToken);
  if (opts.guardRoots) setGuardRoots(opts.guardRoots);

  await loading;
  const { main } = await import('appium');
  try {
    const server = (await main({
      port: opts.port,
      address: '127.0.0.1',
      // Console: errors only (the parent keeps them for its error message); file: full info log.
      loglevel: 'error:info',
      logFile: opts.logFile,
      logNoColors: true,
      logTimestamp: true,
      allowInsecure: opts.allowInsecure,
      ...(opts.useDrivers ? { useDrivers: opts.useDrivers } : {}),
      relaxedSecurityEnabled: false,
      ...(opts.guardToken
        ? {
            usePlugins: ['draftvault-guard'],
            // Appium logs request bodies: keep the token out of the log (the rule names no secret).
            logFilters: [
              { pattern: `"${TOKEN_CAP}"\\s*:\\s*"[^"]*"`, replacer: `"${TOKEN_CAP}":"**SECURE**"` },
            ],
          }
        : {}),
      // Sessions we forgot to delete must not keep the child alive after stop.
      keepAliveTimeout: 5,
    } as Parameters<typeof main>[0])) as unknown as AppiumHttpServer;
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : opts.port;
    send({ type: 'ready', port });
    process.on('message', (msg: AppiumParentMessage) => {
      if (msg?.type === 'stop') {
        void server.close().finally(() => process.exit(0));
        // Appium waits up to 5 s for open connections; we don't.
        setTimeout(() => process.exit(0), 1000).unref();
      }
    });
  } catch (err) {
    send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  }
}

void run();

/**
 * An Appium 3 server for the package's tests. APPIUM_HOME is this package: Appium finds the
 * driver as the package itself (its "dev" install type), and the manifest it caches in
 * node_modules/.cache/appium is rebuilt whenever package.json changes (appium field included).
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

/** The package folder (src/drivers/sim). */
export const PACKAGE_DIR = join(import.meta.dirname, '..', '..');

/** A running test server. */
export interface TestAppium {
  /** e.g. `http://127.0.0.1:40123/` */
  url: string;
  port: number;
  pid: number;
  /** Resolves when the process has exited (stopped, killed or crashed). */
  exited: Promise<void>;
  /** Stop it; resolves once the process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** Start Appium in a child process and wait until it listens. */
export async function startAppium(opts: {
  logFile: string;
  /** Driver-prefixed insecure features, e.g. `draftvaultsim:adb_shell`. */
  allowInsecure?: string[];
}): Promise<TestAppium> {
  const child = fork(join(import.meta.dirname, 'appium-child.mjs'), [], {
    cwd: PACKAGE_DIR,
    env: {
      ...process.env,
      APPIUM_HOME: PACKAGE_DIR,
      SIM_TEST_APPIUM_OPTIONS: JSON.stringify({
        logFile: opts.logFile,
        allowInsecure: opts.allowInsecure ?? [],
      }),
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const exited = once(child, 'exit').then(() => {});
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (s: string) => {
    stderr = (stderr + s).slice(-2000);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send({ type: 'stop' });
    else child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Appium did not start in 60 s')), 60_000);
      child.once('message', (msg: { type: string; port?: number; message?: string }) => {
        clearTimeout(timer);
        if (msg.type === 'ready' && msg.port) resolve(msg.port);
        else reject(new Error(`Appium did not start: ${msg.message}`));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Appium exited with code ${code}: ${stderr}`));
      });
    });
    // Never a made-up pid: the persistence test kills it, and kill(-1) signals every process.
    if (child.pid === undefined) throw new Error('Appium reported ready but has no process id');
    return { url: `http://127.0.0.1:${port}/`, port, pid: child.pid, exited, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

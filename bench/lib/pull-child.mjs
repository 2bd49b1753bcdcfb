/**
 * One pull of a big phone file in a fresh process, the way the backup pulls (the sim adapter's
 * DeviceIO), measuring the process's resident memory above what it used before the pull.
 *
 *   node --expose-gc pull-child.mjs <adb|session> <endpoint JSON> <phone> <remote path> <local path>
 */
import { statSync } from 'node:fs';
import { remote } from 'webdriverio';
import { simAdapter, simCapabilities } from '../../dist/drivers/sim-adapter/index.js';

const [mode, endpointJson, phone, remotePath, localPath] = process.argv.slice(2);
const { protocol, hostname, port, path } = JSON.parse(endpointJson);
const device = { kind: 'sim', id: phone, platform: 'android' };
const session = await remote({
  protocol,
  hostname,
  port,
  path,
  capabilities: simCapabilities(device),
  logLevel: 'silent',
  connectionRetryCount: 0,
});
try {
  const io = simAdapter.io({ session, device, local: mode === 'adb', signal: new AbortController().signal });
  globalThis.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const t0 = performance.now();
  await io.pull(remotePath, localPath);
  const ms = performance.now() - t0;
  clearInterval(sample);
  peak = Math.max(peak, process.memoryUsage().rss);
  const out = { mode, bytes: statSync(localPath).size, ms, extraMb: (peak - base) / 2 ** 20 };
  process.stdout.write(`${JSON.stringify(out)}\n`);
} finally {
  await session.deleteSession();
}

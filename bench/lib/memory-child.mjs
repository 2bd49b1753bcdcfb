/**
 * One backup of a simulated phone with many drafts in a fresh process, recording the process's
 * resident memory and heap (after a full GC) when the drafts are counted and after chosen drafts
 * (the first draft loads code that later drafts reuse: growth is counted from after it).
 *
 *   node --expose-gc memory-child.mjs <server url> <phone> <out dir> <points, e.g. 100,500>
 */

import { join } from 'node:path';
import { loadConfig } from '../../dist/config/config.js';
import { backupJob } from '../../dist/jobs/backup-job.js';
import { packageRoot } from '../../dist/paths.js';

const [url, phone, outRoot, pointsArg] = process.argv.slice(2);
const points = new Set(pointsArg.split(',').map(Number));
const sample = (drafts) => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return { drafts, rssMb: m.rss / 2 ** 20, heapMb: m.heapUsed / 2 ** 20 };
};
const seen = [];
let finished = 0;
const reporter = () => ({
  emit(e) {
    if (e.type === 'draftsCounted' && seen.length === 0) seen.push(sample(0));
    if (e.type === 'draftFinished' && points.has(++finished)) seen.push(sample(finished));
  },
});
await backupJob({
  device: { kind: 'sim', id: phone, platform: 'android' },
  appiumUrl: url,
  capabilities: { 'appium:simLatencyMs': 0, 'appium:simTimeScale': 0 },
  home: process.env.DRAFTVAULT_HOME,
  config: loadConfig(process.env, process.cwd()),
  env: process.env,
  signal: new AbortController().signal,
  reporter,
  outRoot,
  flowsDir: join(packageRoot(), 'flows', 'tiktok'),
});
process.stdout.write(`${JSON.stringify(seen)}\n`);

/**
 * The client's resident memory over a long batch: one backup of a phone with many drafts in a
 * fresh process (instant timing), RSS and heap after a full GC at 0, 1, 100 and 500 drafts
 * (quick: 0, 1, 10, 30); growth is counted from the first draft on (it loads code once).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resetPhone } from 'draftvault-sim-driver/api';
import { simHome } from '../../dist/drivers/sim-adapter/index.js';
import { startBenchServer } from './server.mjs';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'memory-child.mjs');

export async function memory({ work, quick, log }) {
  const points = quick ? [1, 10, 30] : [1, 100, 500];
  const drafts = points.at(-1);
  const dir = join(work, 'memory');
  mkdirSync(dir, { recursive: true });
  const phone = 'memory-many';
  log(`a phone with ${drafts} drafts...`);
  await resetPhone(simHome(), { name: phone, drafts, seed: 4242 });
  const { server } = await startBenchServer(dir);
  try {
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', CHILD, server.url, phone, join(dir, 'out'), points.join(',')],
      { encoding: 'utf8', env: process.env, maxBuffer: 1 << 20 },
    );
    const seen = JSON.parse(out.trim().split('\n').at(-1));
    for (const p of seen)
      log(`after ${p.drafts} drafts: RSS ${p.rssMb.toFixed(1)} MB, heap ${p.heapMb.toFixed(1)} MB`);
    const first = seen.find((p) => p.drafts === 1);
    const last = seen.at(-1);
    return {
      drafts,
      from: 1,
      points: seen,
      growthMb: last.rssMb - first.rssMb,
      heapGrowthMb: last.heapMb - first.heapMb,
    };
  } finally {
    await server.stop();
  }
}

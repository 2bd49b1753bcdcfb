/**
 * Throughput with several phones on one server: 1, 2 and 4 simulated phones backed up in
 * parallel by the fleet job (`backup --device a --device b ...`), each command 20 ms late (a
 * phone's round trip), against the same phones one after another (the one-phone rate). The
 * server is the benchmark's own, started once, so its start-up is not counted.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { resetPhone } from 'draftvault-sim-driver/api';
import { loadConfig } from '../../dist/config/config.js';
import { simHome } from '../../dist/drivers/sim-adapter/index.js';
import { fleetBackup, fleetCapabilities } from '../../dist/jobs/fleet.js';
import { startBenchServer } from './server.mjs';

const LATENCY_MS = 20;
const quiet = () => ({ emit() {} });

/** Back up `count` fresh phones of `drafts` drafts each in parallel; drafts per minute. */
async function round({ url, dir, count, drafts, flowsDir }) {
  const names = Array.from({ length: count }, (_, i) => `bench-fleet-${count}-${i + 1}`);
  for (const [i, name] of names.entries()) await resetPhone(simHome(), { name, drafts, seed: 9000 + i });
  const ac = new AbortController();
  const base = {
    appiumUrl: url,
    home: process.env.DRAFTVAULT_HOME,
    config: loadConfig(process.env, process.cwd()),
    env: process.env,
    signal: ac.signal,
    reporter: quiet,
    outRoot: join(dir, `out-${count}`),
    flowsDir,
  };
  mkdirSync(base.outRoot, { recursive: true });
  const members = names.map((name, slot) => {
    const device = { kind: 'sim', id: name, platform: 'android' };
    const capabilities = fleetCapabilities(device, slot, 'musically', { 'appium:simLatencyMs': LATENCY_MS });
    return { name, options: { ...base, device, capabilities } };
  });
  const started = performance.now();
  const r = await fleetBackup(members, { home: base.home, signal: ac.signal });
  const wallMs = performance.now() - started;
  const backedUp = r.outcomes.reduce((a, o) => a + (o.result?.report.backedUp ?? 0), 0);
  if (r.exitCode !== 0 || backedUp !== count * drafts)
    throw new Error(`phones ${count}: exit ${r.exitCode}, ${backedUp} of ${count * drafts} backed up`);
  return { phones: count, drafts: backedUp, wallMs, draftsPerMin: backedUp / (wallMs / 60_000) };
}

export async function phones({ work, quick, log }) {
  const dir = join(work, 'phones');
  mkdirSync(dir, { recursive: true });
  const flowsDir = join(process.cwd(), 'flows', 'tiktok');
  const drafts = quick ? 2 : 4;
  const { server } = await startBenchServer(dir);
  const rows = [];
  try {
    for (const count of [1, 2, 4]) {
      const r = await round({ url: server.url, dir, count, drafts, flowsDir });
      r.ratio = r.draftsPerMin / (rows[0]?.draftsPerMin ?? r.draftsPerMin);
      rows.push(r);
      log(
        `${count} phone(s): ${r.draftsPerMin.toFixed(1)} drafts/min (${r.ratio.toFixed(2)}x one after another)`,
      );
    }
  } finally {
    await server.stop();
  }
  return rows;
}

/**
 * draftvault against the hand-written script: one server, the same phone seed, alternating runs
 * in this process, requests counted from the server's log, medians of rounds.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { resetPhone } from 'draftvault-sim-driver/api';
import { simCapabilities, simHome } from '../../dist/drivers/sim-adapter/index.js';
import { packageRoot } from '../../dist/paths.js';
import { handWrittenBackup } from '../hand-written.mjs';
import { draftvaultBackup } from './draftvault.mjs';
import { logMark, requestsSince, startBenchServer } from './server.mjs';

/** The configurations compared (per-command latency, upload time scale, cost model). */
export const CONFIGS = [
  {
    id: 'instant',
    label: 'no latency, instant uploads',
    caps: { simLatencyMs: 0, simTimeScale: 0 },
    drafts: 5,
  },
  {
    id: 'latency40',
    label: '40 ms per command, real upload times',
    caps: { simLatencyMs: 40, simTimeScale: 1 },
    drafts: 3,
    uploadMs: 8000,
  },
  {
    id: 'realPhone',
    label: 'real-phone cost model, real upload times',
    caps: { simCostModel: 'real-phone', simTimeScale: 1 },
    drafts: 3,
    uploadMs: 8000,
  },
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function oneRun(ctx, who, cfg, round) {
  const phone = `${who === 'draftvault' ? 'dv' : 'hw'}-${cfg.id}-${round}`;
  await resetPhone(simHome(), { name: phone, drafts: cfg.drafts, seed: 4242 });
  const caps = simCapabilities({ kind: 'sim', id: phone, platform: 'android' }, cfg.caps);
  const out = join(ctx.work, 'out', phone);
  mkdirSync(out, { recursive: true });
  const mark = await logMark(ctx.server.logFile);
  const t0 = performance.now();
  let files;
  if (who === 'draftvault') {
    const res = await draftvaultBackup({
      url: ctx.server.server.url,
      phone,
      caps: Object.fromEntries(
        Object.entries(caps).filter(([k]) => k.startsWith('appium:sim') && k !== 'appium:simDevice'),
      ),
      outRoot: out,
      home: process.env.DRAFTVAULT_HOME,
      flowsDir: join(packageRoot(), 'flows', 'tiktok'),
    });
    files = res.report.backedUp;
  } else {
    files = (
      await handWrittenBackup({ endpoint: ctx.server.endpoint, caps, outDir: out, drafts: cfg.drafts })
    ).files.length;
  }
  const wallMs = performance.now() - t0;
  if (files !== cfg.drafts)
    throw new Error(`${who} backed up ${files} of ${cfg.drafts} drafts (${cfg.label})`);
  const req = await requestsSince(ctx.server.logFile, mark);
  return { wallMs, requests: req.total, byCommand: req.byCommand };
}

/** Run the comparison; per configuration the medians per draft for both sides. */
export async function compare({ work, quick, log, configs = CONFIGS }) {
  const server = await startBenchServer(work);
  const rounds = quick ? 1 : 3;
  const out = [];
  try {
    for (const cfg of configs) {
      const runs = { draftvault: [], handWritten: [] };
      for (let r = 0; r < rounds; r++) {
        // Alternate who goes first: neither side always gets the warmer server.
        const order = r % 2 ? ['handWritten', 'draftvault'] : ['draftvault', 'handWritten'];
        for (const who of order) {
          const run = await oneRun({ work, server }, who, cfg, r);
          runs[who].push(run);
          log(
            `${cfg.id} round ${r + 1} ${who}: ${(run.wallMs / 1000).toFixed(2)} s, ${run.requests} requests`,
          );
        }
      }
      const per = (who, f) => median(runs[who].map(f)) / cfg.drafts;
      const row = { id: cfg.id, label: cfg.label, drafts: cfg.drafts, rounds, uploadMs: cfg.uploadMs ?? 0 };
      for (const who of ['draftvault', 'handWritten']) {
        row[who] = {
          wallMs: per(who, (x) => x.wallMs),
          requests: per(who, (x) => x.requests),
          byCommand: runs[who].at(-1).byCommand,
        };
      }
      out.push(row);
    }
  } finally {
    await server.server.stop();
  }
  return out;
}

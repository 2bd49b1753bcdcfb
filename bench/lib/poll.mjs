/**
 * How soon the runner notices a state change on the phone: the upload finishing. The backup job
 * waits for the upload badge to go (wait-upload.yaml, `waitFor: gone`, one lookup per poll); the
 * simulated phone records when each upload ends (startedAt + durationMs in its state file, read
 * here while the upload runs). The delay from that moment to the end of the wait, divided by the
 * wait's own period between looks (its duration over its lookups), is the number of polls it took:
 * at most 1 means the first look after the change saw it.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resetPhone } from 'draftvault-sim-driver/api';
import { simHome } from '../../dist/drivers/sim-adapter/index.js';
import { packageRoot } from '../../dist/paths.js';
import { draftvaultBackup } from './draftvault.mjs';
import { startBenchServer } from './server.mjs';

const CONFIGS = [
  { id: 'instant', label: 'no latency', caps: { 'appium:simLatencyMs': 0 } },
  { id: 'latency40', label: '40 ms per command', caps: { 'appium:simLatencyMs': 40 } },
];

/** Every upload the phone's state file has shown so far: post id → when it ends (ms since epoch). */
function watchUploads(phone) {
  const file = join(simHome(), phone, 'state.json');
  const ends = new Map();
  const timer = setInterval(() => {
    if (!existsSync(file)) return;
    try {
      for (const u of JSON.parse(readFileSync(file, 'utf8')).uploads ?? [])
        ends.set(u.postId, u.startedAt + u.durationMs);
    } catch {
      // Read while being renamed into place: the next look gets it.
    }
  }, 20);
  return { ends, stop: () => clearInterval(timer) };
}

async function oneConfig({ work, server, drafts, cfg }) {
  const phone = `poll-${cfg.id}`;
  await resetPhone(simHome(), { name: phone, drafts, seed: 4242 });
  const out = join(work, 'out', phone);
  mkdirSync(out, { recursive: true });
  const waits = [];
  const reporter = () => ({
    emit(e) {
      if (e.type === 'stepFinished' && e.flow === 'wait-upload' && e.status === 'passed')
        waits.push({ at: Date.now(), durationMs: e.durationMs, looks: e.commands });
    },
  });
  const uploads = watchUploads(phone);
  try {
    await draftvaultBackup({
      url: server.server.url,
      phone,
      // Real upload times (8 s and more): there is a change to wait for.
      caps: { ...cfg.caps, 'appium:simTimeScale': 1 },
      outRoot: out,
      home: process.env.DRAFTVAULT_HOME,
      flowsDir: join(packageRoot(), 'flows', 'tiktok'),
      reporter,
    });
  } finally {
    uploads.stop();
  }
  const ends = [...uploads.ends.values()].sort((a, b) => a - b);
  // The flow also runs where no upload is going on (it passes at once): each upload's wait is the
  // first one to finish after that upload ended.
  const seen = ends.map((end) => {
    const w = waits.find((x) => x.at >= end);
    if (!w) throw new Error(`poll: no wait-upload finished after an upload ended (${cfg.label})`);
    const periodMs = w.durationMs / Math.max(1, w.looks);
    const delayMs = w.at - end;
    return { delayMs, periodMs, polls: delayMs / periodMs };
  });
  if (!seen.length) throw new Error(`poll: saw no upload (${cfg.label})`);
  return seen;
}

/** Per configuration: the worst and the median number of polls to notice an upload ending. */
export async function poll({ work, quick, log }) {
  const dir = join(work, 'poll');
  mkdirSync(dir, { recursive: true });
  const server = await startBenchServer(dir);
  const drafts = quick ? 2 : 4;
  const out = [];
  try {
    for (const cfg of CONFIGS) {
      const seen = await oneConfig({ work, server, drafts, cfg });
      const polls = seen.map((s) => s.polls).sort((a, b) => a - b);
      for (const s of seen)
        log(
          `${cfg.id}: noticed ${s.delayMs} ms after the upload ended (a poll every ${s.periodMs.toFixed(0)} ms)`,
        );
      out.push({
        id: cfg.id,
        label: cfg.label,
        drafts,
        polls: polls.at(-1),
        medianPolls:
          polls.length % 2
            ? polls[(polls.length - 1) / 2]
            : (polls[polls.length / 2 - 1] + polls[polls.length / 2]) / 2,
        uploads: seen,
      });
    }
  } finally {
    await server.server.stop();
  }
  return out;
}

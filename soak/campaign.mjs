/**
 * The crash campaign: one batch on a simulated phone, its runner SIGKILLed at `runnerKills`
 * seeded moments and its Appium server alone at `appiumKills`, rerun until a run finishes with
 * nothing left to do; then the invariants (invariants.mjs). A moment is "after the k-th journal
 * line this run writes (k ≤ 4), plus m ms" (k = 0: from the start, so start-up, preflight and the
 * session are hit too): tied to the batch's progress, so the kills spread over all of it.
 */
import { join } from 'node:path';
import { checkBackup, originalsOf } from './invariants.mjs';
import { backupRun, lineCount, rng, simPhone } from './lib.mjs';

/** The seeded kill schedule: runner and Appium kills shuffled together. */
export function killSchedule(seed, runnerKills, appiumKills) {
  const r = rng(seed);
  const kills = [
    ...Array.from({ length: runnerKills }, () => 'runner'),
    ...Array.from({ length: appiumKills }, () => 'appium'),
  ].map((target) => {
    // A draft's journal lines come in bursts (posted → recorded can take milliseconds on the
    // simulated phone), so half the kills land within 40 ms of a line: inside those bursts.
    const after = r.int(0, 4);
    const fine = r.next() < 0.5;
    return { target, after, ms: after === 0 ? r.int(0, 3500) : fine ? r.int(0, 40) : r.int(0, 900) };
  });
  for (let i = kills.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [kills[i], kills[j]] = [kills[j], kills[i]];
  }
  return kills;
}

/**
 * Run a campaign in `work` (a fresh folder). Returns the counts, exit codes seen and the checks.
 * `log(line)` is told each run.
 */
export async function runCampaign({
  work,
  seed,
  drafts = 30,
  runnerKills = 100,
  appiumKills = 20,
  log = () => {},
}) {
  const p = simPhone(join(work, 'home'), 'campaign');
  await p.reset(drafts, seed);
  const originals = originalsOf(await p.state());
  const kills = killSchedule(seed, runnerKills, appiumKills);
  const retryMs = rng(seed + 1);
  const journal = join(p.folder, 'journal.jsonl');
  const stats = { runs: 0, runnerKills: 0, appiumKills: 0, missed: 0, resumes: 0, hung: 0, exits: {} };
  const pids = [];
  const pendingNow = async () => {
    const { Journal } = await import('../dist/jobs/journal.js');
    return lineCount(journal) ? Journal.open(journal, 'soak').pending().length : 0;
  };
  let finished = false;
  for (let i = 0; !finished; i++) {
    const kill = kills[i];
    // No end in sight: stop, and the checks say what is wrong.
    if (stats.runs >= kills.length + 20) break;
    if ((await pendingNow()) > 0) stats.resumes += 1;
    const t0 = Date.now();
    const r = await backupRun(p, { kill, timeoutMs: 240_000 });
    const runMs = Date.now() - t0;
    stats.runs += 1;
    pids.push(r.pid);
    if (r.hung) stats.hung += 1;
    const exit = r.signal ? r.signal : String(r.code);
    stats.exits[exit] = (stats.exits[exit] ?? 0) + 1;
    if (kill && r.landed) stats[kill.target === 'runner' ? 'runnerKills' : 'appiumKills'] += 1;
    else if (kill) stats.missed += 1;
    log(
      `run ${stats.runs}: ${kill ? `kill ${kill.target} after ${kill.after} lines + ${kill.ms} ms, ${r.landed ? 'landed' : 'missed'}` : 'no kill'} → ${exit}`,
    );
    // Done when a run without a kill landing ends well, and the phone has no draft left.
    if (!(kill && r.landed) && r.code === 0 && i >= kills.length - 1) {
      const st = await p.state();
      finished = st.drafts.length === 0;
    }
    // A kill that missed (the run ended first: once the batch is done a run takes a second or
    // two) is tried again in the next run, at a seeded moment within the length of the run that
    // it missed, up to five times: the campaign lands its runner and Appium kills, not fewer.
    const tries = kill?.tries ?? 0;
    if (kill && !r.landed && tries < 5) {
      const within = Math.max(50, Math.round(runMs * 0.6));
      kills.splice(i + 1, 0, { ...kill, after: 0, ms: retryMs.int(0, within), tries: tries + 1 });
    }
  }
  const phone = await p.state();
  const checks = checkBackup({ folder: p.folder, home: p.home, originals, phone, pids });
  return {
    seed,
    drafts,
    planned: { runner: runnerKills, appium: appiumKills },
    ...stats,
    checks,
    folder: p.folder,
  };
}

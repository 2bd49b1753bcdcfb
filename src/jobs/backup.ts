/**
 * `draftvault backup`: every draft, one at a time, always the first remaining one (posting
 * removes it from the list), re-counting after each. Drafts started by an interrupted run are
 * finished first. A draft that keeps failing is moved past after bounded attempts.
 */
import { rethrowInterrupt, toDraftvaultError } from '../errors.js';
import { backupDraft, type DraftContext, resume } from './backup-draft.js';
import type { DraftOutcome, JobReporter } from './events.js';
import { isKeptDraft, keepDraft } from './keep-draft.js';

/** Options of the batch. */
export interface BackupOptions {
  ctx: DraftContext;
  /** Back up at most this many drafts. */
  limit?: number;
  /** Walk to each draft's post screen and back out, posting nothing. */
  dryRun?: boolean;
  /** Attempts per draft before moving past it. */
  attempts?: number;
  signal: AbortSignal;
}

/** The job's result (also the `--json` output's core). */
export interface BackupReport {
  found: number;
  backedUp: number;
  failed: number;
  skipped: number;
  drafts: DraftOutcome[];
}

function finish(reporter: JobReporter, outcomes: DraftOutcome[], o: DraftOutcome): void {
  outcomes.push(o);
  reporter.emit({ type: 'draftFinished', outcome: o });
}

/** Run the batch. */
export async function runBackup(o: BackupOptions): Promise<BackupReport> {
  const { ctx } = o;
  const outcomes: DraftOutcome[] = [];
  const limit = o.limit ?? Number.POSITIVE_INFINITY;
  for (const marker of ctx.journal.pending()) {
    o.signal.throwIfAborted();
    finish(ctx.reporter, outcomes, await guarded(ctx, marker, () => resume(ctx, marker)));
  }
  let found: number | undefined;
  let passedOver = 0;
  const failures = new Map<number, number>();
  const attempt = () => {
    const n = (failures.get(passedOver) ?? 0) + 1;
    failures.set(passedOver, n);
    return n;
  };
  let done = outcomes.filter((x) => x.status === 'backed-up').length;
  while (done < limit) {
    o.signal.throwIfAborted();
    const count = await countDrafts(ctx);
    found ??= count;
    ctx.reporter.emit({ type: 'draftsCounted', count });
    if (count <= passedOver) break;
    if (o.dryRun) {
      finish(ctx.reporter, outcomes, await dryRunOne(ctx, passedOver));
      passedOver += 1;
      done += 1;
      continue;
    }
    if (await isKeptDraft(ctx, passedOver)) {
      // Already backed up (a kept draft, unchanged): the next draft is further down.
      passedOver += 1;
      continue;
    }
    const before = new Set(ctx.journal.pending());
    let out = await guarded(ctx, `draft ${passedOver + 1}`, () => backupDraft(ctx, passedOver));
    const started = ctx.journal.pending().find((m) => !before.has(m));
    if (out.status === 'failed' && started) {
      // The report keeps the failed attempt, under the draft's own marker.
      finish(ctx.reporter, outcomes, { ...out, marker: started, status: 'retried' });
      let again = await finishStarted(ctx, started, out);
      if (again.status === 'backed-up' && ctx.keepDrafts) again = await keepDraft(ctx, again);
      finish(ctx.reporter, outcomes, again);
      if (again.status === 'failed') break;
      if (again.status === 'backed-up') done += 1;
      // Not posted after all: the draft is still in the list, tried again within the bound.
      else if (attempt() >= (o.attempts ?? 2)) {
        finish(ctx.reporter, outcomes, { ...out, status: 'failed' });
        passedOver += 1;
      }
      if (again.kept) passedOver += 1;
      continue;
    }
    if (out.status === 'backed-up' && ctx.keepDrafts) out = await keepDraft(ctx, out);
    if (out.status === 'failed') {
      const n = attempt();
      if (n < (o.attempts ?? 2)) {
        // Try the same draft again; the report keeps the failed attempt.
        finish(ctx.reporter, outcomes, { ...out, status: 'retried' });
        continue;
      }
    }
    finish(ctx.reporter, outcomes, out);
    if (out.status === 'backed-up') done += 1;
    // A skipped or failed draft stays in the list: the next one is further down.
    else if (out.status !== 'abandoned') passedOver += 1;
    // A kept draft goes to the top of the grid: the drafts not yet looked at moved down by one.
    if (out.kept) passedOver += 1;
  }
  // Anything the journal still has open is not backed up, whatever the attempts said: failed.
  for (const marker of ctx.journal.pending()) {
    if (outcomes.some((x) => x.marker === marker && x.status === 'failed')) continue;
    finish(ctx.reporter, outcomes, {
      marker,
      status: 'failed',
      code: 'E_STEP_FAILED',
      reason: 'started but not finished; the next run resumes it',
    });
  }
  const count = (s: DraftOutcome['status']) => outcomes.filter((x) => x.status === s).length;
  return {
    found: found ?? 0,
    backedUp: count('backed-up'),
    failed: count('failed'),
    skipped: count('skipped'),
    drafts: outcomes,
  };
}

/**
 * A draft this run started (its intent is journaled) failed before it was recorded. It may have
 * been posted and left the drafts list, so trying "the same place" again would take another
 * draft: resume this one once instead. Still unfinished: failed, and the batch stops, so the next
 * run resumes it before anything new (new saved videos would muddle its evidence).
 */
async function finishStarted(ctx: DraftContext, marker: string, first: DraftOutcome): Promise<DraftOutcome> {
  const again = await guarded(ctx, marker, () => resume(ctx, marker));
  if (!ctx.journal.pending().includes(marker)) return again;
  return {
    ...again,
    marker,
    status: 'failed',
    code: again.code ?? first.code ?? 'E_STEP_FAILED',
    reason: `${again.reason ?? first.reason ?? 'not finished'}; stopped here: the next run resumes this draft first`,
  };
}

/**
 * Open the drafts grid and count. A screen no flow expected (a pop-up no watcher knows, left up
 * by an earlier run or just opened) gets one app restart before the run gives up: before, it
 * failed every run until someone pressed Back on the phone.
 */
async function countDrafts(ctx: DraftContext): Promise<number> {
  try {
    return await ctx.kit.countDrafts();
  } catch (err) {
    rethrowInterrupt(err, ctx.signal);
    await ctx.kit.recover();
    return ctx.kit.countDrafts();
  }
}

/** Turn any failure into a 'failed' outcome (with its artifacts) and bring the app back. */
async function guarded(
  ctx: DraftContext,
  marker: string,
  fn: () => Promise<DraftOutcome>,
): Promise<DraftOutcome> {
  try {
    return await fn();
  } catch (err) {
    const e = toDraftvaultError(rethrowInterrupt(err, ctx.signal), 'E_STEP_FAILED');
    await ctx.kit.recover();
    return {
      marker,
      status: 'failed',
      code: e.code,
      reason: e.hint ? `${e.message} (${e.hint})` : e.message,
    };
  }
}

async function dryRunOne(ctx: DraftContext, index: number): Promise<DraftOutcome> {
  const marker = `dry-run-${index + 1}`;
  await ctx.kit.run('open-draft', { index });
  ctx.reporter.emit({ type: 'draftStep', marker, step: 'post screen reached; backing out' });
  await ctx.kit.recover();
  return { marker, status: 'would-back-up' };
}

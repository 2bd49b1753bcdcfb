/**
 * `draftvault drafts delete --backed-up | --positions 1,3 [--force] [--yes]`. On a terminal it
 * asks before deleting; elsewhere (a script, a scheduler) nobody can answer, so it needs --yes and
 * refuses without it (exit 2) before anything starts.
 */
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { DraftvaultError } from '../../errors.js';
import type { DraftRow } from '../../jobs/drafts.js';
import { deleteDraftsJob } from '../../jobs/drafts-delete.js';
import { type CliContext, println } from '../context.js';
import { type DraftsFlags, draftsJobOptions, draftsOptions } from './drafts-options.js';

interface DeleteFlags extends DraftsFlags {
  backedUp?: boolean;
  positions?: string;
  force?: boolean;
  yes?: boolean;
}

/** `--positions 1,3`: distinct positions from 1, or E_USAGE. */
export function parsePositions(raw: string): number[] {
  const parts = raw.split(',').map((x) => x.trim());
  const bad = parts.find((x) => !/^[1-9]\d{0,4}$/.test(x));
  if (bad !== undefined || parts.length === 0)
    throw new DraftvaultError('E_USAGE', `--positions ${raw}: "${bad ?? ''}" is not a draft position`, {
      hint: 'positions count from 1 (the newest draft), comma-separated: --positions 1,3',
    });
  return [...new Set(parts.map(Number))];
}

/** Which drafts, checked before anything starts. */
function which(f: DeleteFlags): 'backed-up' | number[] {
  if (!!f.backedUp === (f.positions !== undefined))
    throw new DraftvaultError('E_USAGE', 'drafts delete needs exactly one of --backed-up or --positions', {
      hint: 'e.g. `draftvault drafts delete --backed-up` or `draftvault drafts delete --positions 1,3`',
    });
  return f.backedUp ? 'backed-up' : parsePositions(f.positions!);
}

/** Ask on the terminal; anything but y/yes keeps the drafts. */
async function ask(ctx: CliContext, drafts: DraftRow[]): Promise<boolean> {
  for (const d of drafts)
    println(ctx.stdout, `  ${d.position}  ${d.backedUp ? 'backed up    ' : 'NOT backed up'}  ${d.caption}`);
  const rl = createInterface({ input: process.stdin, output: ctx.stdout });
  try {
    const a = await rl.question(`Delete these ${drafts.length} drafts from the phone? [y/N] `, {
      signal: ctx.signal,
    });
    return /^y(es)?$/i.test(a.trim());
  } finally {
    rl.close();
  }
}

/** Add `drafts delete` to the drafts group. */
export function registerDraftsDelete(drafts: Command, ctx: CliContext): void {
  draftsOptions(
    drafts
      .command('delete')
      .description('delete drafts through Select → Delete → confirm (only backed-up ones unless --force)')
      .option('--backed-up', 'every draft the journal shows as backed up')
      .option('--positions <list>', 'these positions of `drafts list`, e.g. 1,3')
      .option('--force', 'also delete drafts that are not backed up')
      .option('--yes', 'do not ask (needed when not on a terminal)'),
  ).action(async (f: DeleteFlags) => {
    const chosen = which(f);
    const tty = !!process.stdin.isTTY && !f.json;
    if (!f.yes && !tty)
      throw new DraftvaultError('E_USAGE', 'drafts delete asks before deleting, and this is not a terminal', {
        hint: 'pass --yes to delete without asking',
      });
    const r = await deleteDraftsJob({
      ...draftsJobOptions(ctx, f),
      which: chosen,
      force: !!f.force,
      confirm: (rows) => (f.yes ? Promise.resolve(true) : ask(ctx, rows)),
    });
    if (f.json) return println(ctx.stdout, JSON.stringify(r, null, 2));
    for (const d of r.deleted) println(ctx.stdout, `deleted ${d.position}  ${d.caption}`);
    println(ctx.stdout, `${r.deleted.length} deleted; drafts ${r.before} → ${r.after}`);
  });
}

/** `draftvault drafts list|delete`: the drafts on the phone, and deleting backed-up ones. */
import type { Command } from 'commander';
import { listDraftsJob } from '../../jobs/drafts.js';
import { type CliContext, println } from '../context.js';
import { registerDraftsDelete } from './drafts-delete.js';
import { type DraftsFlags, draftsJobOptions, draftsOptions } from './drafts-options.js';

/** Add the drafts command group. */
export function registerDrafts(program: Command, ctx: CliContext): void {
  const drafts = program
    .command('drafts')
    .description('the drafts on the phone: list them, delete backed-up ones');
  draftsOptions(
    drafts.command('list').description('list the drafts: position, caption, thumbnail, backed up'),
  ).action(async (f: DraftsFlags) => {
    const r = await listDraftsJob(draftsJobOptions(ctx, f));
    if (f.json) return println(ctx.stdout, JSON.stringify(r, null, 2));
    println(ctx.stdout, `${r.count} drafts on the phone (backup folder ${r.folder})`);
    for (const d of r.drafts)
      println(
        ctx.stdout,
        `${String(d.position).padStart(3)}  ${d.backedUp ? 'backed up' : 'new      '}  ${d.caption}`,
      );
    if (r.count > r.drafts.length) println(ctx.stdout, `(the first ${r.drafts.length} shown)`);
    println(ctx.stdout, `thumbnails: ${r.runDir}`);
  });
  registerDraftsDelete(drafts, ctx);
}

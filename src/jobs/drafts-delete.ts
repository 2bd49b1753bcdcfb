/**
 * `draftvault drafts delete`: delete drafts from the phone through the app's own Select → Delete
 * → confirm. Only drafts the journal shows as backed up, unless forced; the device and the backup
 * folder are locked; the journal records the intent before the confirmation is tapped.
 */
import { join } from 'node:path';
import { DraftvaultError } from '../errors.js';
import { deviceKey, deviceName, lockDevice } from './device-lock.js';
import { type DraftRow, type DraftsJobOptions, prepareDrafts, readDrafts } from './drafts.js';
import { privateFolder } from './folders.js';
import { inJobSession } from './job-session.js';
import { Journal } from './journal.js';
import { lockFolder } from './lock.js';

/** What `drafts delete` needs. */
export interface DeleteDraftsOptions extends DraftsJobOptions {
  /** Every backed-up draft, or these positions (1 = newest). */
  which: 'backed-up' | number[];
  /** Delete drafts the journal does not show as backed up too. */
  force: boolean;
  /** Asked with the drafts about to go (after they are read); false: nothing is deleted. */
  confirm: (drafts: DraftRow[]) => Promise<boolean>;
}

/** The outcome: the drafts deleted and how many are left. */
export interface DeleteDraftsResult {
  deleted: DraftRow[];
  before: number;
  after: number;
  runDir: string;
}

/** The chosen drafts, or E_USAGE (exit 2, nothing deleted) for a position the phone does not have. */
function choose(rows: DraftRow[], count: number, which: DeleteDraftsOptions['which']): DraftRow[] {
  if (which === 'backed-up') return rows.filter((r) => r.backedUp);
  return which.map((p) => {
    const row = rows[p - 1];
    if (!row)
      throw new DraftvaultError(
        'E_USAGE',
        `--positions ${p}: the phone shows ${Math.min(count, rows.length)} drafts`,
        {
          hint: '`draftvault drafts list` shows the positions; nothing was deleted',
        },
      );
    return row;
  });
}

/** Refuse (E_USAGE, exit 2, nothing deleted) drafts that are not backed up, unless forced. */
function refuseUnbackedUp(chosen: DraftRow[], force: boolean): void {
  const unsafe = chosen.filter((r) => !r.backedUp);
  if (force || unsafe.length === 0) return;
  throw new DraftvaultError(
    'E_USAGE',
    `not backed up according to the journal: ${unsafe.map((r) => `${r.position} (${r.caption})`).join(', ')}; nothing was deleted`,
    { hint: 'back them up first (`draftvault backup --keep-drafts`), or pass --force to delete them anyway' },
  );
}

/** Run `drafts delete`. */
export async function deleteDraftsJob(o: DeleteDraftsOptions): Promise<DeleteDraftsResult> {
  const p = await prepareDrafts(o, true);
  const unlockDevice = await lockDevice(o.home, deviceKey(o.device), deviceName(o.device), 'drafts delete');
  try {
    privateFolder(p.folder);
    const unlockFolder = await lockFolder(p.folder, 'drafts delete');
    try {
      const { value, runDir } = await inJobSession(
        { ...o, capabilities: p.capabilities },
        'drafts-delete',
        async (s) => {
          const { count, drafts } = await readDrafts(s, p.flows, p.journal);
          const chosen = choose(drafts, count, o.which).sort((a, b) => a.position - b.position);
          refuseUnbackedUp(chosen, o.force);
          if (chosen.length === 0 || !(await o.confirm(chosen)))
            return { deleted: [], before: count, after: count };
          const journal = Journal.open(p.journalPath, s.runDir);
          const key = (r: DraftRow) => r.marker ?? `draft:${r.position}`;
          for (const r of chosen)
            journal.append({
              type: 'intent-delete-draft',
              marker: key(r),
              caption: r.caption,
              position: r.position,
            });
          const kit = s.kit(p.flows);
          await kit.run('select-drafts');
          for (const [k, r] of chosen.entries())
            await kit.run('pick-draft', { index: r.position - 1, count: k + 1 });
          await kit.run('delete-selected');
          const after = await kit.countDrafts();
          if (after !== count - chosen.length)
            throw new DraftvaultError(
              'E_STEP_FAILED',
              `the drafts count went from ${count} to ${after}, not down by ${chosen.length}`,
              {
                hint: `see ${join(s.runDir, 'run.jsonl')}; \`draftvault drafts list\` shows what is left`,
              },
            );
          for (const r of chosen) journal.append({ type: 'deleted-draft', marker: key(r) });
          return { deleted: chosen, before: count, after };
        },
      );
      return { ...value, runDir };
    } finally {
      await unlockFolder();
    }
  } finally {
    await unlockDevice();
  }
}

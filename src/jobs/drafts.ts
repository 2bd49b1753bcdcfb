/**
 * `draftvault drafts list`: what the drafts grid shows (position, caption, a thumbnail in the run
 * folder) and, from the backup folder's journal, which drafts are already backed up. A draft is
 * backed up when its caption is exactly the caption a backup posted and stored (the original text
 * plus that backup's `#dv…` marker): what `backup --keep-drafts` puts back. Editing the caption
 * makes it a new draft for the next backup.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deviceFolder } from './backup-job.js';
import { GRID_PAGE, storedCaptions } from './captions.js';
import { type JobFlows, loadJobFlows } from './flow-kit.js';
import { checkWritableFolder } from './folders.js';
import { inJobSession, type JobOptions, type JobSession } from './job-session.js';
import { Journal } from './journal.js';
import { checkCapabilities } from './prepare.js';

/** One draft on the phone. */
export interface DraftRow {
  /** 1 = newest (the grid's first cell). */
  position: number;
  caption: string;
  /** The cover picture saved in the run folder. */
  thumbnail: string;
  backedUp: boolean;
  /** The backup's marker, when backed up. */
  marker?: string;
}

/** What the drafts commands need. */
export interface DraftsJobOptions extends JobOptions {
  outRoot: string;
  flowsDir: string;
}

/** Checks before any session: capabilities, flows, the backup folder and its journal. */
export async function prepareDrafts(o: DraftsJobOptions, write = false) {
  const capabilities = await checkCapabilities(o.device, o.capabilities);
  const flows = loadJobFlows(o.flowsDir, {
    maxBytes: o.config.limits.yamlFileBytes,
    deviceRoots: o.config.deviceRoots,
  });
  checkWritableFolder(o.outRoot, '--out', write);
  const folder = deviceFolder(o.outRoot, o.device);
  const journalPath = join(folder, 'journal.jsonl');
  const journal = existsSync(journalPath) ? Journal.open(journalPath, 'drafts') : undefined;
  return { capabilities, flows, folder, journalPath, journal };
}

/** Read the drafts grid (the grid is opened first). */
export async function readDrafts(
  s: JobSession,
  flows: JobFlows,
  journal: Journal | undefined,
): Promise<{ count: number; drafts: DraftRow[] }> {
  const kit = s.kit(flows);
  const count = await kit.countDrafts();
  const stored = storedCaptions(journal);
  const drafts: DraftRow[] = [];
  for (let i = 0; i < Math.min(count, GRID_PAGE); i++) {
    const caption = String((await kit.run('draft-info', { index: i })).caption ?? '');
    const marker = stored.get(caption);
    drafts.push({
      position: i + 1,
      caption,
      thumbnail: join(s.runDir, `draft-${i + 1}.png`),
      backedUp: marker !== undefined,
      ...(marker ? { marker } : {}),
    });
  }
  return { count, drafts };
}

/** Run `drafts list`. */
export async function listDraftsJob(
  o: DraftsJobOptions,
): Promise<{ count: number; drafts: DraftRow[]; folder: string; runDir: string }> {
  const p = await prepareDrafts(o);
  const { value, runDir } = await inJobSession({ ...o, capabilities: p.capabilities }, 'drafts-list', (s) =>
    readDrafts(s, p.flows, p.journal),
  );
  return { ...value, folder: p.folder, runDir };
}

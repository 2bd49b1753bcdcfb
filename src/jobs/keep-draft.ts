/**
 * `backup --keep-drafts`: posting privately takes a draft out of TikTok's drafts list; after its
 * video is verified here, the same video goes back as a new draft with the caption as posted (the
 * original text and the backup's `#dv…` marker), so the list looks as before. The next backup
 * recognises such a draft by that exact caption and passes over it; a draft whose caption was
 * edited is a new draft and is backed up again.
 */
import { readFileSync } from 'node:fs';
import { rethrowInterrupt } from '../errors.js';
import type { DraftContext } from './backup-draft.js';
import { GRID_PAGE, storedCaptions } from './captions.js';
import type { DraftOutcome } from './events.js';
import { runRestore } from './restore.js';

/** Re-create the draft of a verified backup; the outcome says whether it worked. */
export async function keepDraft(c: DraftContext, out: DraftOutcome): Promise<DraftOutcome> {
  const [r] = await runRestore(
    c.d,
    c.kit,
    [{ path: out.file!, bytes: readFileSync(out.file!), caption: out.caption ?? '' }],
    c.reporter,
    c.signal,
  );
  if (!r?.ok) return { ...out, kept: false, reason: `backed up; re-creating the draft failed: ${r?.reason}` };
  c.journal.append({ type: 'kept', marker: out.marker });
  return { ...out, kept: true };
}

/**
 * Is the draft at `index` one a backup already stored (a kept draft, caption unchanged)? Only
 * read when the journal has kept drafts, so backups without --keep-drafts send no extra command.
 */
export async function isKeptDraft(c: DraftContext, index: number): Promise<boolean> {
  // Past the grid's first page the cells are not on screen: treated as new (backed up again).
  if (index >= GRID_PAGE || !c.journal.entries.some((e) => e.type === 'kept')) return false;
  try {
    const caption = String((await c.kit.run('draft-info', { index, thumbnail: false })).caption ?? '');
    return storedCaptions(c.journal).has(caption);
  } catch (err) {
    // A caption that cannot be read: back the draft up (a second copy beats a missed draft).
    rethrowInterrupt(err, c.signal);
    return false;
  }
}

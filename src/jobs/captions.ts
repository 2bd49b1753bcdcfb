/**
 * Captions between a backup and a restore: the manifest keeps the caption as posted (the
 * original text plus draftvault's `#dv…` marker); a restore puts back the original text only.
 */
import { basename, dirname, join } from 'node:path';
import { BackupStore } from './backup-store.js';
import type { Journal } from './journal.js';

/** draftvault's markers (`#dv` and 8 base-36 characters, see `newMarker`) inside a caption. */
const MARKER = /(^|\s)#dv[0-9a-z]{8}(?=\s|$)/g;

/** A caption without draftvault's markers (and the spaces they brought). */
export function stripMarkers(caption: string): string {
  return caption.replace(MARKER, '$1').replace(/\s+/g, ' ').trim();
}

/**
 * The original caption of a backed-up video: from the manifest in the file's folder, by the
 * video's sha256 (then by file name). No manifest or no entry: no caption. The manifest's
 * device is not compared, so a backup restores onto any phone.
 */
export function captionFor(path: string, sha256: string): string {
  const manifest = BackupStore.readManifest(join(dirname(path), 'manifest.json'));
  const entry =
    manifest?.entries.find((e) => e.sha256 === sha256) ??
    manifest?.entries.find((e) => e.file === basename(path));
  return entry ? stripMarkers(entry.caption) : '';
}

/** The drafts grid shows this many drafts without scrolling; the list reads that many. */
export const GRID_PAGE = 15;

/** Captions the journal shows as stored, to their markers. */
export function storedCaptions(journal: Journal | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of journal?.entries ?? []) {
    if (e.type !== 'stored') continue;
    const intent = journal!.find(e.marker, 'intent-post');
    if (intent) out.set(intent.caption, e.marker);
  }
  return out;
}

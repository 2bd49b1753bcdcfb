/**
 * The backup journal: the single source of truth for what happened to each draft.
 *
 * Append-only JSON lines, each written and fsynced before the step it announces (intent is
 * recorded before every irreversible step), so after a crash at any point the next run knows what
 * was started. A torn last line (the crash hit mid-write) is ignored.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { DraftvaultError } from '../errors.js';

/** What can happen to a draft, in order. */
export type DraftEvent =
  | { type: 'intent-post'; marker: string; caption: string; index: number; before: string[] }
  | { type: 'posted'; marker: string }
  | { type: 'located'; marker: string; remote: string; via: 'save-to-device' | 'save-video' }
  | { type: 'stored'; marker: string; file: string; sha256: string; size: number; durationMs: number }
  | { type: 'recorded'; marker: string }
  | { type: 'intent-delete'; marker: string; what: 'gallery' | 'post' }
  | { type: 'cleaned'; marker: string; what: 'gallery' | 'post' }
  | { type: 'abandoned'; marker: string; reason: string }
  | { type: 'failed'; marker: string; code: string; reason: string }
  | { type: 'skipped'; marker: string; code: string; reason: string };

/** A journal line. */
export type JournalEntry = DraftEvent & { at: string; run: string };

/**
 * States after which a draft needs nothing more (for this backup). An interrupted optional
 * clean-up ('intent-delete' without 'cleaned') comes after 'recorded': the video is verified on
 * this computer, so at worst a copy stays on the phone; it must not count as pending.
 */
const DONE = new Set(['recorded', 'intent-delete', 'cleaned', 'abandoned', 'failed', 'skipped']);

/** The journal file of one backup folder. */
export class Journal {
  readonly entries: JournalEntry[] = [];

  private constructor(
    readonly path: string,
    readonly run: string,
  ) {}

  /** Open (or create) the journal and read what it holds. */
  static open(path: string, run: string): Journal {
    const j = new Journal(path, run);
    if (!existsSync(path)) return j;
    const lines = readFileSync(path, 'utf8').split('\n');
    for (const [i, line] of lines.entries()) {
      if (!line.trim()) continue;
      try {
        j.entries.push(JSON.parse(line) as JournalEntry);
      } catch (cause) {
        // Only the last line may be torn by a crash; anything else is damage we must not guess about.
        if (i >= lines.length - 2) continue;
        throw new DraftvaultError('E_CONFIG', `the journal is damaged at line ${i + 1}`, {
          span: { file: path, line: i + 1, col: 1 },
          hint: 'restore it from a copy, or move it away to start a fresh journal (already stored videos stay in the manifest)',
          cause,
        });
      }
    }
    return j;
  }

  /** Append an event and make it durable before returning. */
  append(e: DraftEvent): JournalEntry {
    const entry = { ...e, at: new Date().toISOString(), run: this.run } as JournalEntry;
    const fd = openSync(this.path, 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.entries.push(entry);
    return entry;
  }

  /** All events of one draft, oldest first. */
  of(marker: string): JournalEntry[] {
    return this.entries.filter((e) => e.marker === marker);
  }

  /** The latest event of one draft. */
  last(marker: string): JournalEntry | undefined {
    return this.of(marker).at(-1);
  }

  /** Drafts that were started and not finished (the next run finishes them first). */
  pending(): string[] {
    const markers = [...new Set(this.entries.map((e) => e.marker))];
    return markers.filter((m) => !DONE.has(this.last(m)!.type));
  }

  /** The first event of a type for a draft. */
  find<T extends DraftEvent['type']>(
    marker: string,
    type: T,
  ): Extract<JournalEntry, { type: T }> | undefined {
    return this.of(marker).find((e): e is Extract<JournalEntry, { type: T }> => e.type === type);
  }
}

/**
 * The backup journal: the single source of truth for what happened to each draft.
 *
 * Append-only JSON lines, each written and fsynced before the step it announces (intent is
 * recorded before every irreversible step), so after a crash at any point the next run knows what
 * was started. A torn last line (the crash hit mid-write) is ignored.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { DraftvaultError } from '../errors.js';

const marker = z.string().min(1);
const reasoned = { marker, code: z.string(), reason: z.string() };

/** What can happen to a draft, in order: each line of the journal is one of these (checked on read). */
const draftEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('intent-post'),
    marker,
    caption: z.string(),
    index: z.number().int().min(0),
    before: z.array(z.string()),
  }),
  z.object({ type: z.literal('posted'), marker }),
  z.object({
    type: z.literal('located'),
    marker,
    remote: z.string(),
    via: z.enum(['save-to-device', 'save-video']),
  }),
  z.object({
    type: z.literal('stored'),
    marker,
    file: z.string(),
    sha256: z.string(),
    size: z.number(),
    durationMs: z.number(),
  }),
  z.object({ type: z.literal('recorded'), marker }),
  z.object({ type: z.literal('intent-delete'), marker, what: z.enum(['gallery', 'post']) }),
  z.object({ type: z.literal('cleaned'), marker, what: z.enum(['gallery', 'post']) }),
  z.object({ type: z.literal('abandoned'), marker, reason: z.string() }),
  // `drafts delete`: a draft about to be deleted from the phone, then gone (marker: its backup's,
  // or `draft:<position>` for one never backed up, deleted with --force).
  z.object({
    type: z.literal('intent-delete-draft'),
    marker,
    caption: z.string(),
    position: z.number().int(),
  }),
  z.object({ type: z.literal('deleted-draft'), marker }),
  // `backup --keep-drafts`: the verified video is a draft again (caption as posted).
  z.object({ type: z.literal('kept'), marker }),
  z.object({ type: z.literal('failed'), ...reasoned }),
  z.object({ type: z.literal('skipped'), ...reasoned }),
]);
const entrySchema = z.intersection(draftEventSchema, z.object({ at: z.string(), run: z.string() }));

/** What can happen to a draft. */
export type DraftEvent = z.infer<typeof draftEventSchema>;

/** A journal line. */
export type JournalEntry = DraftEvent & { at: string; run: string };

/**
 * States after which a draft needs nothing more (for this backup). An interrupted optional
 * clean-up ('intent-delete' without 'cleaned') comes after 'recorded': the video is verified on
 * this computer, so at worst a copy stays on the phone; it must not count as pending.
 */
const DONE = new Set([
  'recorded',
  'intent-delete',
  'cleaned',
  'abandoned',
  'failed',
  'skipped',
  // Deleting a draft is nothing a backup resumes: the draft is either gone or still a draft.
  'intent-delete-draft',
  'deleted-draft',
  'kept',
]);

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
      const damaged = (why: string, cause?: unknown) =>
        new DraftvaultError('E_CONFIG', `the journal is damaged at line ${i + 1}: ${why}`, {
          span: { file: path, line: i + 1, col: 1 },
          hint: 'restore it from a copy, or move it away to start a fresh journal (already stored videos stay in the manifest)',
          cause,
        });
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (cause) {
        // Only the last line may be torn by a crash; anything else is damage we must not guess about.
        if (i >= lines.length - 2) continue;
        throw damaged('not JSON', cause);
      }
      const entry = entrySchema.safeParse(raw);
      if (!entry.success)
        throw damaged(`not a journal entry (${entry.error.issues[0]?.path.join('.') || 'type'})`);
      j.entries.push(entry.data as JournalEntry);
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

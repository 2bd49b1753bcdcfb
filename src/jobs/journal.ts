/**
 * The backup journal: the single source of truth for what happened to each draft.
 *
 * Append-only JSON lines, each written and fsynced before the step it announces (intent is
 * recorded before every irreversible step), so after a crash at any point the next run knows what
 * was started. A torn last line (the crash hit mid-write) is ignored.
 *
 * An intent to post records the saved videos on the phone just before it (the next run tells
 * from them whether Post went through). The folder grows by a video per draft and may hold the
 * owner's own hundreds, so only the first intent writes the whole list; each later one writes
 * what changed since the intent before it (`beforeFrom`, `added`, `removed`), and the journal
 * rebuilds a list when a run needs it: the file and the memory grow by the change, not the folder.
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
    /** The whole list (the first intent of a journal, and every intent of older journals). */
    before: z.array(z.string()).optional(),
    /** Or: the list of the intent of this marker, with these changes. */
    beforeFrom: marker.optional(),
    added: z.array(z.string()).optional(),
    removed: z.array(z.string()).optional(),
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

/** What can happen to a draft (an intent to post as written, with the whole list `before`). */
export type DraftEvent =
  | Exclude<z.infer<typeof draftEventSchema>, { type: 'intent-post' }>
  | { type: 'intent-post'; marker: string; caption: string; index: number; before: string[] };

/** An event as the journal holds it (an intent's list may be kept as a change). */
type StoredEvent = z.infer<typeof draftEventSchema>;

/** A journal line. */
export type JournalEntry = StoredEvent & { at: string; run: string };

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

/** A saved-videos list with an intent's changes applied. */
function changed(list: readonly string[], e: { added?: string[]; removed?: string[] }): string[] {
  const gone = new Set(e.removed ?? []);
  return [...new Set([...list.filter((f) => !gone.has(f)), ...(e.added ?? [])])].sort();
}

/** The journal file of one backup folder. */
export class Journal {
  readonly entries: JournalEntry[] = [];
  private readonly byMarker = new Map<string, JournalEntry[]>();
  /** The saved-videos list of the latest intent to post (the next one is written against it). */
  private lastIntent?: { marker: string; before: string[] };

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
      const e = entry.data as JournalEntry;
      if (e.type === 'intent-post') {
        // Usually written against the intent just read: one step, not the whole chain again.
        const before =
          e.before ??
          (e.beforeFrom === j.lastIntent?.marker ? changed(j.lastIntent!.before, e) : j.rebuild(e));
        if (!before) throw damaged(`the saved-videos list of ${e.marker} refers to no earlier intent`);
        j.lastIntent = { marker: e.marker, before };
      }
      j.add(e);
    }
    return j;
  }

  private add(entry: JournalEntry): void {
    this.entries.push(entry);
    const list = this.byMarker.get(entry.marker);
    if (list) list.push(entry);
    else this.byMarker.set(entry.marker, [entry]);
  }

  /** Append an event and make it durable before returning. */
  append(e: DraftEvent): JournalEntry {
    let stored: StoredEvent = e;
    if (e.type === 'intent-post') {
      const prev = this.lastIntent;
      if (prev) {
        const had = new Set(prev.before);
        const now = new Set(e.before);
        const { before: _, ...rest } = e;
        stored = {
          ...rest,
          beforeFrom: prev.marker,
          added: e.before.filter((f) => !had.has(f)),
          removed: prev.before.filter((f) => !now.has(f)),
        };
      }
    }
    const entry = { ...stored, at: new Date().toISOString(), run: this.run } as JournalEntry;
    const fd = openSync(this.path, 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (e.type === 'intent-post') this.lastIntent = { marker: e.marker, before: [...e.before] };
    this.add(entry);
    return entry;
  }

  /** The saved videos on the phone when the intent to post this draft was recorded. */
  savedBefore(marker: string): string[] | undefined {
    if (this.lastIntent?.marker === marker) return [...this.lastIntent.before];
    const intent = this.find(marker, 'intent-post');
    return intent && this.rebuild(intent);
  }

  /** An intent's saved-videos list: its own, or the one it was written against with its changes. */
  private rebuild(intent: Extract<JournalEntry, { type: 'intent-post' }>): string[] | undefined {
    const chain: Extract<JournalEntry, { type: 'intent-post' }>[] = [];
    for (let at: typeof intent | undefined = intent; at; ) {
      if (at.before) return chain.reverse().reduce(changed, [...at.before].sort());
      chain.push(at);
      if (!at.beforeFrom || chain.length > this.entries.length + 1) return undefined;
      const from: string = at.beforeFrom;
      at = this.of(from)
        .filter((e): e is typeof intent => e.type === 'intent-post')
        .at(-1);
    }
    return undefined;
  }

  /** All events of one draft, oldest first. */
  of(marker: string): JournalEntry[] {
    return this.byMarker.get(marker) ?? [];
  }

  /** The latest event of one draft. */
  last(marker: string): JournalEntry | undefined {
    return this.of(marker).at(-1);
  }

  /** Drafts that were started and not finished (the next run finishes them first). */
  pending(): string[] {
    return [...this.byMarker].filter(([, es]) => !DONE.has(es.at(-1)!.type)).map(([m]) => m);
  }

  /** The first event of a type for a draft. */
  find<T extends JournalEntry['type']>(
    marker: string,
    type: T,
  ): Extract<JournalEntry, { type: T }> | undefined {
    return this.of(marker).find((e): e is Extract<JournalEntry, { type: T }> => e.type === type);
  }
}

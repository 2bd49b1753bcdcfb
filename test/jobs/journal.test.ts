/**
 * The journal's saved-videos lists: the first intent to post writes the whole list, each later
 * one what changed since the intent before it, so a folder holding the owner's hundreds of videos
 * does not make every line (and the journal in memory) that long; the next run rebuilds each
 * list exactly, from a journal written by this version or an older one (whole lists everywhere).
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/jobs/journal.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'dv-journal-')), 'journal.jsonl');
const names = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `${(from + i).toString(16).padStart(32, '0')}.mp4`);

describe('journal: saved-videos lists as changes', () => {
  it('200 intents over a folder of 300 videos: lines stay short, every list comes back exactly', () => {
    const path = fresh();
    const j = Journal.open(path, 'r1');
    const owners = names(0, 300);
    const lists: string[][] = [];
    for (let d = 0; d < 200; d++) {
      // The folder gains the draft before's saved video; now and then the owner deletes one of theirs.
      const list = [...owners.filter((_, i) => !(i > 50 && i <= d)), ...names(1000, d)].sort();
      lists.push(list);
      j.append({ type: 'intent-post', marker: `#dv${d}`, caption: 'c', index: 0, before: list });
      j.append({ type: 'recorded', marker: `#dv${d}` });
    }
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    const intents = lines.map((l) => JSON.parse(l)).filter((e) => e.type === 'intent-post');
    expect(intents[0].before).toHaveLength(300);
    for (const e of intents.slice(1)) {
      expect(e.before).toBeUndefined();
      expect(e.added.length + e.removed.length).toBeLessThanOrEqual(2);
    }
    // Whole lists would be 200 × ~350 names of 36 characters: more than 2.5 MB.
    expect(statSync(path).size).toBeLessThan(150_000);
    const again = Journal.open(path, 'r2');
    for (const d of [0, 1, 51, 120, 199]) expect(again.savedBefore(`#dv${d}`)).toEqual(lists[d]);
    // The next intent is written against the last one read.
    const next = [...lists[199]!, ...names(5000, 1)].sort();
    again.append({ type: 'intent-post', marker: '#dvnext', caption: 'c', index: 0, before: next });
    expect(Journal.open(path, 'r3').savedBefore('#dvnext')).toEqual(next);
  });

  it('reads an older journal with whole lists, and says a change list pointing nowhere is damage', () => {
    const path = fresh();
    const line = (m: string, extra: object) =>
      `${JSON.stringify({ type: 'intent-post', marker: m, caption: 'c', index: 0, ...extra, at: 'x', run: 'r' })}\n`;
    writeFileSync(
      path,
      `${line('#dv1', { before: ['b.mp4', 'a.mp4'] })}${line('#dv2', { before: ['a.mp4'] })}`,
    );
    const j = Journal.open(path, 'r');
    expect(j.savedBefore('#dv1')).toEqual(['a.mp4', 'b.mp4']);
    expect(j.savedBefore('#dv2')).toEqual(['a.mp4']);
    expect(j.pending()).toEqual(['#dv1', '#dv2']);
    writeFileSync(path, line('#dv3', { beforeFrom: '#dv0', added: ['c.mp4'], removed: [] }));
    expect(() => Journal.open(path, 'r')).toThrow(/damaged at line 1: the saved-videos list of #dv3/);
  });
});

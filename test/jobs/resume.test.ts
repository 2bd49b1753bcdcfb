/**
 * Crash resume: the backup process is SIGKILLed at a point of a draft's backup; the next run
 * finishes that draft, with no draft lost, no duplicate post and no duplicate file.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/jobs/journal.js';
import { phone } from '../helpers/backup.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

/** A phone with `drafts` drafts, and the sha256 of each (what the backup must end up holding). */
async function fresh(name: string, drafts = 2) {
  const p = phone(tmp(), name);
  await p.reset(drafts);
  return { p, originals: (await p.state()).drafts.map((d) => d.sha256).sort() };
}

const pendingIn = (folder: string) => Journal.open(join(folder, 'journal.jsonl'), 'check').pending();

describe('crash resume', { timeout: 300_000 }, () => {
  for (const point of ['intent', 'posted', 'located', 'stored'] as const) {
    it(`killed with SIGKILL at "${point}": the next run finishes, nothing posted or stored twice`, async () => {
      const { p, originals } = await fresh(`crash-${point}`);
      const killed = await p.backup([], { DRAFTVAULT_TEST_CRASH_AT: `${point}:1` });
      expect(killed.code, 'the first run was killed').toBeNull();
      const mid = await p.state();
      // Killed after the Post tap (posted and later): the draft is gone from the list but not yet in the manifest.
      if (point !== 'intent') expect(mid.posts).toHaveLength(1);

      const second = await p.backup();
      expect(second.code, second.stderr).toBe(0);
      const report = JSON.parse(second.stdout) as { drafts: { status: string }[] };
      if (point === 'intent') expect(report.drafts[0]?.status).toBe('abandoned');
      else expect(report.drafts[0]?.status).toBe('backed-up');

      const after = await p.state();
      expect(after.drafts).toHaveLength(0);
      expect(after.posts.map((x) => x.privacy)).toEqual(['only_you', 'only_you']);
      const m = p.manifest();
      expect(m.entries.map((e) => e.sha256).sort()).toEqual(originals);
      const files = readdirSync(p.folder);
      expect(files.filter((f) => f.endsWith('.mp4'))).toHaveLength(2);
      expect(files.filter((f) => f.endsWith('.partial'))).toEqual([]);
      // The journal has nothing left pending.
      expect(pendingIn(p.folder)).toEqual([]);
    });
  }

  it('a draft whose Post went through but whose save failed is resumed in the same run', async () => {
    const { p, originals } = await fresh('fail-posted');
    // The step after Post fails once (not a kill): the draft has left the list, it must not be lost.
    const run = await p.backup([], { DRAFTVAULT_TEST_CRASH_AT: 'posted:1:throw' });
    expect(run.code, run.stderr).toBe(0);
    expect(
      p
        .manifest()
        .entries.map((e) => e.sha256)
        .sort(),
    ).toEqual(originals);
    expect(pendingIn(p.folder)).toEqual([]);
  });

  it('a posted draft that cannot be finished is reported failed (exit 1) and the next run resumes it', async () => {
    const { p, originals } = await fresh('fail-pending');
    // Fails after Post, and again when resumed in the same run: the run must not say "done".
    const first = await p.backup([], { DRAFTVAULT_TEST_CRASH_AT: 'located:1:throw,stored:1:throw' });
    expect(first.code, first.stderr).toBe(1);
    const report = JSON.parse(first.stdout) as {
      failed: number;
      drafts: { marker: string; status: string }[];
    };
    const pending = pendingIn(p.folder);
    expect(pending).toHaveLength(1);
    expect(report.failed).toBe(1);
    expect(report.drafts.find((d) => d.status === 'failed')?.marker).toBe(pending[0]);
    // A manifest write killed before its rename leaves this; the next run removes it.
    writeFileSync(join(p.folder, 'manifest.json.2731164939'), '{"version":1');

    const second = await p.backup();
    expect(second.code, second.stderr).toBe(0);
    const resumed = JSON.parse(second.stdout) as { drafts: { marker: string; status: string }[] };
    expect(resumed.drafts[0]).toMatchObject({ marker: pending[0], status: 'backed-up' });
    expect(
      p
        .manifest()
        .entries.map((e) => e.sha256)
        .sort(),
    ).toEqual(originals);
    expect(readdirSync(p.folder).filter((f) => f.startsWith('manifest.json'))).toEqual(['manifest.json']);
    const after = await p.state();
    expect(after.posts.map((x) => x.privacy)).toEqual(['only_you', 'only_you']);
    expect(pendingIn(p.folder)).toEqual([]);
  });

  it('a journal line torn by a crash is ignored; damage elsewhere is reported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dv-journal-'));
    const path = join(dir, 'journal.jsonl');
    const line = (m: string) =>
      `${JSON.stringify({ type: 'intent-post', marker: m, caption: 'c', index: 0, before: [], at: 'x', run: 'r' })}\n`;
    writeFileSync(path, `${line('#dv1')}{"type":"posted","mar`);
    expect(Journal.open(path, 'r').pending()).toEqual(['#dv1']);
    // A clean-up interrupted after the backup was recorded leaves nothing pending.
    const ev = (type: string, extra = '') =>
      `{"type":"${type}","marker":"#dv3"${extra},"at":"x","run":"r"}\n`;
    writeFileSync(
      path,
      `${line('#dv3')}${ev('posted')}${ev('recorded')}${ev('intent-delete', ',"what":"post"')}`,
    );
    expect(Journal.open(path, 'r').pending()).toEqual([]);
    writeFileSync(path, `${line('#dv1')}garbage\n${line('#dv2')}`);
    expect(() => Journal.open(path, 'r')).toThrow(
      expect.objectContaining({ code: 'E_CONFIG', span: expect.objectContaining({ line: 2 }) }),
    );
    // Well-formed JSON that is not a journal entry is damage too, even on the last line.
    writeFileSync(path, `${line('#dv1')}{"type":"posted","marker":"#dv1"}\n`);
    expect(() => Journal.open(path, 'r')).toThrow(
      expect.objectContaining({
        code: 'E_CONFIG',
        message: expect.stringMatching(/line 2: not a journal entry/),
      }),
    );
  });
});

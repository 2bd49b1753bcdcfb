/**
 * Drafts housekeeping on simulated phones through the real CLI, embedded Appium and WebdriverIO:
 * `drafts list`, `backup --keep-drafts`, `drafts delete`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phone } from '../helpers/backup.js';
import { runCli } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

interface Listed {
  count: number;
  drafts: { position: number; caption: string; thumbnail: string; backedUp: boolean; marker?: string }[];
}

/** `drafts list --json` on the phone `device` of `p`. */
async function list(p: ReturnType<typeof phone>, device: string): Promise<Listed> {
  const r = await runCli(['drafts', 'list', '--device', `sim:${device}`, '--out', p.out, '--json'], p.env);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Listed;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('draftvault drafts list', { timeout: 300_000 }, () => {
  it('matches sim state: positions, captions in grid order, a PNG thumbnail each, none backed up', async () => {
    const p = phone(tmp(), 'lst');
    await p.reset(4);
    const st = await p.state();
    const l = await list(p, 'lst');
    expect(l.count).toBe(4);
    expect(l.drafts.map((d) => [d.position, d.caption, d.backedUp])).toEqual(
      st.drafts.map((d, i) => [i + 1, d.caption, false]),
    );
    for (const d of l.drafts) expect(readFileSync(d.thumbnail).subarray(0, 4)).toEqual(PNG);
  });
});

describe('draftvault backup --keep-drafts, then drafts delete', { timeout: 600_000 }, () => {
  it('keeps the drafts list, backs up nothing new the second time, and deletes only backed-up drafts', async () => {
    const p = phone(tmp(), 'keep');
    await p.reset(3);
    const before = await p.state();
    const first = await p.backup(['--keep-drafts', '--limit', '2']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ backedUp: 2, failed: 0 });
    const m = p.manifest();
    const st = await p.state();
    expect(st.drafts).toHaveLength(3);
    // The kept drafts carry the caption as posted (original + marker); the third is untouched.
    expect(st.drafts.map((d) => d.caption).sort()).toEqual(
      [...m.entries.map((e) => e.caption), before.drafts[2]!.caption].sort(),
    );
    const second = await p.backup(['--keep-drafts', '--limit', '2']);
    expect(second.code, second.stderr).toBe(0);
    // Only the one draft never backed up is new; the kept ones are passed over.
    expect(JSON.parse(second.stdout)).toMatchObject({ backedUp: 1, failed: 0 });
    expect(p.manifest().entries).toHaveLength(3);
    expect((await p.state()).drafts).toHaveLength(3);
    const third = await p.backup(['--keep-drafts']);
    expect(JSON.parse(third.stdout)).toMatchObject({ found: 3, backedUp: 0, failed: 0 });
    expect(third.code).toBe(0);
    const l = await list(p, 'keep');
    expect(l.drafts.map((d) => d.backedUp)).toEqual([true, true, true]);
    expect(l.drafts.map((d) => d.caption)).toEqual((await p.state()).drafts.map((d) => d.caption));
  });

  it('delete: refuses un-backed-up drafts without --force (exit 2, nothing deleted), removes exactly the chosen ones', async () => {
    const home = tmp();
    const p = phone(home, 'del');
    await p.reset(3);
    expect((await p.backup(['--keep-drafts', '--limit', '1'])).code).toBe(0);
    const st = await p.state();
    expect(st.drafts).toHaveLength(3);
    const kept = st.drafts[0]!;
    const del = (args: string[]) =>
      runCli(['drafts', 'delete', '--device', 'sim:del', '--out', p.out, '--json', ...args], p.env);
    // Not a terminal and no --yes: refused before anything starts.
    const runs = readdirSync(join(home, 'runs')).length;
    const noYes = await del(['--backed-up']);
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toMatch(/--yes/);
    expect(readdirSync(join(home, 'runs'))).toHaveLength(runs);
    // Position 2 was never backed up.
    const refused = await del(['--positions', '1,2', '--yes']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not backed up according to the journal: 2 /);
    expect((await p.state()).drafts).toEqual(st.drafts);
    const ok = await del(['--backed-up', '--yes']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ before: 3, after: 2, deleted: [{ position: 1 }] });
    expect((await p.state()).drafts).toEqual(st.drafts.filter((d) => d.id !== kept.id));
    const forced = await del(['--positions', '2', '--force', '--yes']);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await p.state()).drafts).toEqual([st.drafts[1]]);
    // The journal recorded each intent before the deletion, and each deletion.
    const journal = readFileSync(join(p.folder, 'journal.jsonl'), 'utf8');
    expect(journal.match(/"intent-delete-draft"/g)).toHaveLength(2);
    expect(journal.match(/"deleted-draft"/g)).toHaveLength(2);
    expect(existsSync(join(p.folder, 'manifest.json'))).toBe(true);
  });
});

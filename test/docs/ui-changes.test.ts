/**
 * docs/ui-changes.md, followed end to end on the simulated phone's tiktok-48.2.0 profile. The edit
 * is taken from the page itself (its ```diff blocks, applied with git apply to a copy of flows/),
 * so the guide cannot drift from what works: the shipped flows fail check-ui and refuse to back
 * up on 48.2.0, the lines the page shows are what check-ui and inspect print, the edited flows
 * validate, pass check-ui and back up every draft (through the moved Delete too), and still pass
 * on a phone that did not update. check-ui changes nothing on the phone, failing or passing.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckUiReport } from '../../src/jobs/check-ui.js';
import { phone } from '../helpers/backup.js';
import { content, WALK } from '../helpers/check-ui.js';
import { ROOT, runCli } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();
const DOC = readFileSync(join(ROOT, 'docs', 'ui-changes.md'), 'utf8');

/** The fenced blocks of the page in a language, in order. */
function blocks(lang: string): string[] {
  // Fences may be indented (a block inside a list item).
  return [...DOC.matchAll(new RegExp(`^ *\`\`\`${lang}\\n([\\s\\S]*?)^ *\`\`\`$`, 'gm'))].map((m) => m[1]!);
}

/** The text block the page shows as the output of a command, found by a line it contains. */
const shown = (needle: string) => blocks('text').find((b) => b.includes(needle)) ?? '';

describe('docs/ui-changes.md, end to end', { timeout: 600_000 }, () => {
  it('the shipped flows fail on tiktok-48.2.0; the edit written in the guide fixes them', async () => {
    const home = tmp();
    const p = phone(home, 'v48');
    expect(DOC).toContain(
      'npx draftvault sim reset --device v48 --profile tiktok-48.2.0 --drafts 3 --posts 1',
    );
    const reset = await runCli(
      ['sim', 'reset', '--device', 'v48', '--profile', 'tiktok-48.2.0', '--drafts', '3', '--posts', '1'],
      p.env,
    );
    expect(reset.code, reset.stderr).toBe(0);
    expect(shown('simulated phone "v48"').trim()).toBe(reset.stdout.trim());
    const fresh = content(await p.state());

    // 2. check-ui fails and names what broke, as the page shows; the phone is unchanged.
    const failed = await runCli(['check-ui', '--device', 'sim:v48'], p.env);
    expect(failed.code, failed.stderr).toBe(1);
    const failLines = shown('E_JOB_INCOMPLETE')
      .split('\n')
      .filter((l) => /^ {0,2}(FAIL|STOP) /.test(l) || l.startsWith('not reached'));
    expect(failLines.length).toBeGreaterThanOrEqual(10);
    for (const line of failLines) expect(failed.stdout.split('\n')).toContain(line);
    for (const sel of ['post.privacyRow', 'post.drafts', 'camera.upload'])
      expect(failed.stdout).toMatch(
        new RegExp(`^ {2}FAIL ${sel.replace('.', '\\.')} +0 {2}finds nothing$`, 'm'),
      );
    expect(content(await p.state())).toEqual(fresh);
    // The watchers the page shows firing are the ones the run logged, the resume banner's among them.
    const runDir = /^log and failure screens: (\S+)$/m.exec(failed.stdout)?.[1] ?? '';
    const fired = readFileSync(join(runDir, 'run.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('"type":"watcher"'))
      .map((l) => (JSON.parse(l) as { name: string }).name);
    const shownFired = [...shown('"type":"watcher"').matchAll(/"name":"([^"]+)"/g)].map((m) => m[1]);
    expect(fired).toEqual(shownFired);
    expect(fired).toContain('continue editing banner');

    // 3. inspect, where the walk left the phone (the camera): the gallery entry by its id only.
    const inspected = await runCli(['inspect', '--device', 'sim:v48'], p.env);
    expect(inspected.code, inspected.stderr).toBe(0);
    const gallery = /^ +\d+ {2}FrameLayout +\{ id: "a7u" \} \(version-specific\) +none$/m;
    expect(shown('(version-specific)')).toMatch(gallery);
    expect(inspected.stdout).toMatch(gallery);
    const menu = await runCli(
      ['run', join(ROOT, 'docs', 'ui-changes', 'open-video-menu.yaml'), '--device', 'sim:v48'],
      p.env,
    );
    expect(menu.code, menu.stderr).toBe(0);
    const menuRows = (await runCli(['inspect', '--device', 'sim:v48'], p.env)).stdout;
    for (const row of shown('desc "More options"')
      .split('\n')
      .filter((l) => /^ +\d+ /.test(l)))
      expect(menuRows.split('\n')).toContain(row);

    // The shipped backup refuses 48.2.0 (appVersion ranges) and posts nothing.
    const refused = await p.backup();
    expect(refused.code).not.toBe(0);
    expect((await p.state()).drafts).toHaveLength(3);

    // 4. The edit, exactly as the page writes it, on a copy of flows/.
    const diffs = blocks('diff');
    expect(diffs.join('\n')).toMatch(
      /^\+ {6}# .*\n\+ {6}- appVersion: "48\.2\.x"\n\+ {8}android: \[\{ id: a7u \}\]$/m,
    );
    cpSync(join(ROOT, 'flows'), join(home, 'flows'), { recursive: true });
    writeFileSync(join(home, 'guide.diff'), `${diffs.join('\n')}\n`);
    execFileSync('git', ['apply', '--verbose', 'guide.diff'], { cwd: home, stdio: 'pipe' });
    const flows = join(home, 'flows', 'tiktok');
    expect(readFileSync(join(flows, 'selectors.yaml'), 'utf8')).toContain('share.deleteEntry');

    // 5. flows validate.
    const valid = await runCli(['flows', 'validate', flows], p.env);
    expect(valid.code, valid.stderr).toBe(0);
    expect(valid.stdout).toContain('20 of 20 files valid');

    // 6. check-ui passes, every screen of the walk reached, the phone as it was.
    const before = content(await p.state());
    const passed = await runCli(['check-ui', '--device', 'sim:v48', '--flows', flows, '--json'], p.env);
    expect(passed.code, passed.stdout).toBe(0);
    const report = JSON.parse(passed.stdout) as CheckUiReport;
    // The walk of the shipped flows, with the sheet Delete moved to.
    expect(report.screens.map((s) => s.screen)).toEqual(
      WALK.flatMap((s) => (s === 'share' ? ['share', 'share-more'] : [s])),
    );
    expect([report.stopped, report.outOfRange, report.unchecked]).toEqual([[], [], []]);
    expect(content(await p.state())).toEqual(before);

    // 7. The backup runs: every draft posted privately and stored, then deleted through the moved Delete.
    const backup = await p.backup(['--flows', flows, '--delete-private-post']);
    expect(backup.code, backup.stderr).toBe(0);
    const summary = JSON.parse(backup.stdout) as { found: number; backedUp: number };
    expect([summary.found, summary.backedUp]).toEqual([3, 3]);
    expect(
      p
        .manifest()
        .entries.map((e) => e.caption.replace(/ #dv\w+$/, ''))
        .sort(),
    ).toEqual(fresh.drafts.map((d) => d.caption).sort());
    const after = await p.state();
    expect(after.drafts).toEqual([]);
    expect(after.posts.map((x) => x.privacy)).toEqual(['everyone']);

    // 8. The edited flows on a phone that did not update.
    const old = phone(home, 'v43');
    const oldReset = await runCli(
      ['sim', 'reset', '--device', 'v43', '--drafts', '2', '--posts', '1'],
      p.env,
    );
    expect(oldReset.code, oldReset.stderr).toBe(0);
    const oldBefore = content(await old.state());
    const oldRun = await runCli(['check-ui', '--device', 'sim:v43', '--flows', flows], old.env);
    expect(oldRun.code, oldRun.stdout).toBe(0);
    expect(oldRun.stdout).toMatch(/^ {2}ok {3}share\.delete +1$/m);
    expect(content(await old.state())).toEqual(oldBefore);
  });
});

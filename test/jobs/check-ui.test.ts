/**
 * `draftvault check-ui` on the simulated phone: it walks every screen the flows use (the own
 * video's player and menu included), checks the selectors needed there, and leaves the phone as
 * it found it (nothing posted, deleted, saved); a broken selector is named and fails the run.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckUiReport } from '../../src/jobs/check-ui.js';
import { phone } from '../helpers/backup.js';
import { content, WALK } from '../helpers/check-ui.js';
import { ROOT, runCli } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

describe('check-ui', { timeout: 180_000 }, () => {
  it('checks every screen of the backup and restore flows, the private video and its menu too; the phone is the same after', async () => {
    const p = phone(tmp(), 'ui');
    await p.reset(3);
    // One backed-up draft leaves a private video: the walk opens it as save-video would.
    expect((await p.backup(['--limit', '1'])).code).toBe(0);
    const before = content(await p.state());
    expect(before.posts).toHaveLength(1);
    const r = await runCli(['check-ui', '--device', 'sim:ui', '--json'], p.env);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as CheckUiReport;
    expect(report.ok).toBe(true);
    expect(report.screens.map((s) => s.screen)).toEqual(WALK);
    expect(report.stopped).toEqual([]);
    expect(report.unchecked).toEqual([]);
    const share = report.screens.find((s) => s.screen === 'share')!.result.checks;
    expect(share.filter((c) => c.role === 'needed').map((c) => [c.name, c.count.device])).toEqual([
      ['share.saveVideo', 1],
    ]);
    expect(content(await p.state())).toEqual(before);
  });

  it('a broken selector: exit 1, the table names it on its screen, the walk goes on, the phone is unchanged', async () => {
    const home = tmp();
    const p = phone(home, 'bad');
    await p.reset(2, ['--posts', '1']);
    const flows = join(home, 'flows', 'tiktok');
    cpSync(join(ROOT, 'flows', 'tiktok'), flows, { recursive: true });
    const file = join(flows, 'selectors.yaml');
    const good = readFileSync(file, 'utf8');
    const post =
      '      - text: Post\n        index: -1\n      - text: Publier\n        index: -1\n      - desc: Post\n';
    expect(good).toContain(post);
    // As if TikTok renamed Post: the selector now looks for a label the phone does not show.
    writeFileSync(file, good.replace(post, '      - text: Publish now\n'));
    const before = content(await p.state());
    const r = await runCli(['check-ui', '--device', 'sim:bad', '--flows', flows], p.env);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^FAIL post$/m);
    expect(r.stdout).toMatch(/^ {2}FAIL post\.post +0 {2}finds nothing$/m);
    expect(r.stdout).toMatch(/^ {2}ok {3}post\.privacyRow +1$/m);
    // The rest of the walk still ran and passed.
    for (const s of ['privacy', 'more-options', 'player', 'share', 'camera', 'picker'])
      expect(r.stdout).toMatch(new RegExp(`^ok {3}${s}$`, 'm'));
    expect(r.stdout).not.toMatch(/^STOP/m);
    expect(r.stderr).toMatch(/some selectors do not find exactly one node.*E_JOB_INCOMPLETE/);
    expect(content(await p.state())).toEqual(before);
  });
});

/**
 * `draftvault check-ui` on the simulated phone: it walks every screen the flows use, checks the
 * selectors needed there, and leaves the phone as it found it (nothing posted, deleted, saved).
 */
import { describe, expect, it } from 'vitest';
import { phone } from '../helpers/backup.js';
import { runCli } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

/** What must not change: drafts (with their settings), posts, gallery files. */
const content = (s: Awaited<ReturnType<ReturnType<typeof phone>['state']>>) => ({
  drafts: s.drafts,
  posts: s.posts,
  gallery: s.gallery,
});

describe('check-ui', { timeout: 180_000 }, () => {
  it('checks every screen of the backup and restore flows; the phone is the same before and after', async () => {
    const home = tmp();
    const p = phone(home, 'ui');
    await p.reset(2);
    const before = content(await p.state());
    const r = await runCli(['check-ui', '--device', 'sim:ui', '--json'], p.env);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      ok: boolean;
      screens: { screen: string; result: { ok: boolean } }[];
    };
    expect(report.ok).toBe(true);
    expect(report.screens.map((s) => s.screen)).toEqual([
      'feed',
      'profile',
      'drafts',
      'editor',
      'post',
      'privacy',
      'more-options',
      'camera',
      'picker',
    ]);
    expect(content(await p.state())).toEqual(before);
  });
});

/**
 * Notifications after real backups of the simulated phone: a webhook that answers 500 is logged
 * and recorded, and the backup's result is unchanged; `notify.when: failure` (the default) sends
 * nothing after a run that succeeded and the summary after one that failed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phone } from '../helpers/backup.js';
import { useTmpDir } from '../helpers/tmp.js';
import { webhook } from '../helpers/webhook.js';

const tmp = useTmpDir('dv-notify-');

/** A phone with one draft and a config with this `notify:` section. */
async function setUp(name: string, notify: string) {
  const home = tmp();
  const p = phone(home, name);
  expect((await p.reset(1)).code).toBe(0);
  const config = join(home, 'draftvault.yaml');
  writeFileSync(config, `notify:\n${notify}`);
  const reports = () =>
    readdirSync(join(home, 'reports'))
      .sort()
      .map((d) => JSON.parse(readFileSync(join(home, 'reports', d, 'report.json'), 'utf8')));
  return { p, env: { ...p.env, DRAFTVAULT_CONFIG: config }, reports };
}

describe('notifications never change the backup', { timeout: 120_000 }, () => {
  it('a webhook answering 500 is logged and recorded; the backup still exits 0', async () => {
    const hook = await webhook(500);
    try {
      const t = await setUp('hook500', `  when: always\n  webhook: { url: "${hook.url}" }\n`);
      const r = await t.p.backup([], t.env);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ found: 1, backedUp: 1, failed: 0 });
      const origin = new URL(hook.url).origin;
      expect(r.stderr).toContain(
        `notification failed (webhook ${origin}): HTTP 500; the backup's result is unchanged`,
      );
      expect(hook.bodies).toEqual([expect.objectContaining({ result: 'ok', exitCode: 0, backedUp: 1 })]);
      const [report] = t.reports();
      expect(report).toMatchObject({ result: 'ok', exitCode: 0 });
      expect(report.notifications).toEqual([{ target: `webhook ${origin}`, ok: false, detail: 'HTTP 500' }]);
    } finally {
      hook.close();
    }
  });

  it('notify.when: failure sends nothing after a run that succeeded, the summary after one that failed', async () => {
    const hook = await webhook();
    try {
      const t = await setUp('onfail', `  when: failure\n  webhook: { url: "${hook.url}" }\n`);
      const ok = await t.p.backup([], t.env);
      expect(ok.code, ok.stderr).toBe(0);
      expect(hook.bodies, 'nothing sent after a run that succeeded').toEqual([]);
      expect(t.reports()[0].notifications).toEqual([]);

      // The phone has no TikTok now: preflight stops the run (exit 3), which is a failure.
      const bad = await t.p.backup(['--caps', '{"appium:simFaults":{"notInstalled":true}}'], t.env);
      expect(bad.code, bad.stderr).toBe(3);
      expect(await hook.first).toMatchObject({
        device: 'sim:onfail',
        result: 'not ready',
        exitCode: 3,
        error: { code: 'E_PREFLIGHT_FAILED' },
        preflight: [expect.objectContaining({ name: 'tiktok', status: 'fail' })],
      });
      expect(hook.bodies).toHaveLength(1);
      expect(t.reports()[1].notifications).toEqual([
        expect.objectContaining({ ok: true, detail: 'HTTP 204' }),
      ]);
    } finally {
      hook.close();
    }
  });
});

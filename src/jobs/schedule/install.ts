/**
 * `schedule install|remove|status`: a systemd user timer where a user manager runs, else a
 * crontab line. Install writes and enables (and undoes its writes when systemd refuses);
 * remove disables and deletes every trace (units, the timer's last-run record, crontab lines);
 * status reads back what is installed, when it runs next and how the last run went.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DraftvaultError } from '../../errors.js';
import { ensurePrivateDir } from '../../paths.js';
import { removeInside } from '../folders.js';
import { writePrivate } from '../sinks.js';
import { cronLine, editTable, readCronHeader } from './cron.js';
import { hasUserSystemd, type SchedulerHost, systemctl } from './host.js';
import type { ScheduledRun } from './plan.js';
import { readUnitHeader, systemdUnits, UNIT_PREFIX, type UnitHeader } from './systemd.js';

/** How a schedule is kept. */
export type Method = 'systemd' | 'cron';

/** `--using auto`: systemd when a user manager answers, else cron, else nothing can. */
export async function pickMethod(host: SchedulerHost, using: 'auto' | Method): Promise<Method> {
  if (using !== 'auto') return using;
  if (await hasUserSystemd(host)) return 'systemd';
  if (host.crontab) return 'cron';
  throw new DraftvaultError('E_SCHEDULER_UNAVAILABLE', 'neither a systemd user manager nor cron is here', {
    hint: 'install cron (`apt-get install cron`), or keep `draftvault daemon` running (it schedules by itself)',
  });
}

/** What install would write: files with their text, or the crontab line. */
export function planFiles(host: SchedulerHost, runs: readonly ScheduledRun[], method: Method) {
  if (method === 'cron') return { files: [], cron: runs.map(cronLine) };
  const files = runs.flatMap((r) => {
    const u = systemdUnits(r);
    return [u.timer, u.service].map((f) => ({ path: join(host.unitDir, f.name), text: f.text }));
  });
  return { files, cron: [] as string[] };
}

async function readTable(host: SchedulerHost): Promise<string> {
  if (!host.crontab)
    throw new DraftvaultError('E_SCHEDULER_UNAVAILABLE', 'crontab is not installed', {
      hint: 'install cron (`apt-get install cron`), or use `draftvault daemon`',
    });
  const r = await host.run(host.crontab, ['-l']);
  if (r.code === 0) return r.stdout;
  // "no crontab for <user>" is an empty table; any other failure must not lead to overwriting it.
  if (/no crontab/i.test(r.stderr)) return '';
  throw new DraftvaultError(
    'E_SCHEDULER_UNAVAILABLE',
    `crontab -l failed: ${r.stderr.trim() || `exit ${r.code}`}`,
    {
      hint: 'nothing was changed; check that cron allows this user (/etc/cron.allow), or use `draftvault daemon`',
    },
  );
}

async function writeTable(host: SchedulerHost, table: string): Promise<void> {
  const r = table ? await host.run(host.crontab!, ['-'], table) : await host.run(host.crontab!, ['-r']);
  if (r.code !== 0 && table)
    throw new DraftvaultError('E_SCHEDULER_UNAVAILABLE', `crontab refused the table: ${r.stderr.trim()}`, {
      hint: 'check that cron allows this user (/etc/cron.allow), or use `draftvault daemon`',
    });
}

/** Install the runs (replacing their earlier schedule); returns the files or lines written. */
export async function installSchedule(host: SchedulerHost, runs: readonly ScheduledRun[], method: Method) {
  const plan = planFiles(host, runs, method);
  for (const r of runs) ensurePrivateDir(join(r.home, 'logs'));
  if (method === 'cron') {
    const keys = new Set(runs.map((r) => r.key));
    await writeTable(host, editTable(await readTable(host), { keys, add: plan.cron }));
    return plan;
  }
  mkdirSync(host.unitDir, { recursive: true });
  const written: string[] = [];
  try {
    for (const f of plan.files) {
      await writePrivate(f.path, f.text);
      written.push(f.path);
    }
    await systemctl(host, ['daemon-reload']);
    for (const r of runs) await systemctl(host, ['enable', '--now', `${UNIT_PREFIX}${r.key}.timer`]);
  } catch (err) {
    // systemd refused: leave nothing half-installed.
    for (const p of written) removeInside(host.unitDir, p);
    await host.run(host.systemctl ?? 'systemctl', ['--user', 'daemon-reload']);
    throw err;
  }
  return plan;
}

/** One installed schedule. */
export interface Installed extends UnitHeader {
  method: Method;
  /** The files or the crontab line. */
  where: string[];
}

/** Every schedule draftvault installed here (both kinds, whichever can be read). */
export async function listInstalled(host: SchedulerHost): Promise<Installed[]> {
  const out: Installed[] = [];
  if (existsSync(host.unitDir))
    for (const f of readdirSync(host.unitDir).filter(
      (n) => n.startsWith(UNIT_PREFIX) && n.endsWith('.timer'),
    )) {
      const h = readUnitHeader(readFileSync(join(host.unitDir, f), 'utf8'));
      if (h)
        out.push({
          ...h,
          method: 'systemd',
          where: [join(host.unitDir, f), join(host.unitDir, f.replace(/\.timer$/, '.service'))],
        });
    }
  if (host.crontab)
    for (const line of (await readTable(host)).split('\n')) {
      const h = readCronHeader(line);
      if (h) out.push({ ...h, method: 'cron', where: [line] });
    }
  return out;
}

/** Remove the schedules of `keys` (all when undefined); returns what was removed. */
export async function removeSchedule(host: SchedulerHost, keys?: ReadonlySet<string>): Promise<Installed[]> {
  const all = (await listInstalled(host)).filter((i) => !keys || keys.has(i.key));
  const units = all.filter((i) => i.method === 'systemd');
  if (units.length && host.systemctl && (await hasUserSystemd(host)))
    for (const u of units)
      await host.run(host.systemctl, ['--user', 'disable', '--now', `${UNIT_PREFIX}${u.key}.timer`]);
  for (const u of units) {
    for (const p of u.where) if (existsSync(p)) removeInside(host.unitDir, p);
    const stamp = join(host.stampDir, `stamp-${UNIT_PREFIX}${u.key}.timer`);
    if (existsSync(stamp)) removeInside(host.stampDir, stamp);
  }
  if (units.length) {
    // Folders install made and nothing else uses (systemd makes them again when it needs them).
    removeEmpty(host.unitDir, 2);
    removeEmpty(host.stampDir, 2);
    if (host.systemctl && (await hasUserSystemd(host)))
      await host.run(host.systemctl, ['--user', 'daemon-reload']);
  }
  if (all.some((i) => i.method === 'cron'))
    await writeTable(host, editTable(await readTable(host), { keys: keys ?? undefined }));
  return all;
}

/** Remove `dir` if empty, then its parents, `levels` folders in all (`systemd/user`, `systemd`). */
function removeEmpty(dir: string, levels: number): void {
  for (let d = dir, i = 0; i < levels && existsSync(d) && readdirSync(d).length === 0; i++, d = dirname(d))
    rmdirSync(d);
}

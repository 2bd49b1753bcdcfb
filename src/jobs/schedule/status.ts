/**
 * `schedule status`: what draftvault installed here, when it runs next (the time of day read
 * back from the unit or crontab line, with croner), what systemd says of the timer when a user
 * manager answers, and the last run of the device from its reports.
 */
import { Cron } from 'croner';
import type { RunReport } from '../reports/record.js';
import { listReports } from '../reports/write.js';
import { hasUserSystemd, type SchedulerHost } from './host.js';
import { type Installed, listInstalled } from './install.js';
import { cronPattern } from './plan.js';
import { UNIT_PREFIX } from './systemd.js';

/** When `at` comes next (local time), after `from`. */
export function nextRun(at: string, from = new Date()): Date | null {
  return new Cron(cronPattern(at, true)).nextRun(from);
}

/** What status shows of one schedule. */
export interface ScheduleStatus extends Installed {
  next: string | null;
  /** What systemd says (active state, its next elapse), when a user manager answers. */
  systemd?: Record<string, string>;
  last?: Pick<RunReport, 'startedAt' | 'result' | 'exitCode' | 'backedUp' | 'failed' | 'reportDir'>;
}

/** The installed schedules with their next run and last result. */
export async function scheduleStatus(host: SchedulerHost): Promise<ScheduleStatus[]> {
  const systemd = await hasUserSystemd(host);
  const out: ScheduleStatus[] = [];
  for (const i of await listInstalled(host)) {
    const s: ScheduleStatus = { ...i, next: nextRun(i.at)?.toISOString() ?? null };
    if (i.method === 'systemd' && systemd) {
      const r = await host.run(host.systemctl!, [
        '--user',
        'show',
        `${UNIT_PREFIX}${i.key}.timer`,
        '-p',
        'ActiveState',
        '-p',
        'NextElapseUSecRealtime',
        '-p',
        'LastTriggerUSec',
      ]);
      s.systemd = Object.fromEntries(
        r.stdout
          .split('\n')
          .filter((l) => l.includes('='))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
    }
    const last = listReports(i.home).find((x) => x.report.deviceKey === i.key)?.report;
    if (last)
      s.last = {
        startedAt: last.startedAt,
        result: last.result,
        exitCode: last.exitCode,
        backedUp: last.backedUp,
        failed: last.failed,
        reportDir: last.reportDir,
      };
    out.push(s);
  }
  return out;
}

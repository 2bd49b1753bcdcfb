/**
 * `draftvault schedule install|remove|status` (a systemd user timer, else a crontab line) and
 * `draftvault daemon` (the schedule in this process). Options in, lines out; the jobs do the rest.
 */
import { type Command, Option } from 'commander';
import { loadConfig } from '../../config/config.js';
import { parseDeviceRef } from '../../drivers/device-ref.js';
import { deviceKey } from '../../jobs/device-lock.js';
import { localTime } from '../../jobs/reports/html.js';
import { runDaemon } from '../../jobs/schedule/daemon.js';
import { schedulerHost } from '../../jobs/schedule/host.js';
import { installSchedule, pickMethod, planFiles, removeSchedule } from '../../jobs/schedule/install.js';
import { planRuns } from '../../jobs/schedule/plan.js';
import { nextRun, scheduleStatus } from '../../jobs/schedule/status.js';
import { UNIT_PREFIX } from '../../jobs/schedule/systemd.js';
import { dataHome } from '../../paths.js';
import { type CliContext, println } from '../context.js';

const collect = (v: string, prev: string[]) => [...prev, v];
const deviceOption = () =>
  new Option('--device <device>', 'a phone to back up (repeat for several; default: the config’s devices)')
    .argParser(collect)
    .default([]);

function runsFor(ctx: CliContext, f: { device: string[]; at?: string }, seconds: boolean) {
  return planRuns({
    devices: f.device,
    at: f.at,
    seconds,
    config: loadConfig(ctx.env, ctx.cwd),
    env: ctx.env,
    cwd: ctx.cwd,
    home: dataHome(ctx.env, ctx.cwd),
  });
}

const when = (d: Date | null) => (d ? localTime(d.toISOString()) : 'never');

/** Add `schedule` and `daemon`. */
export function registerSchedule(program: Command, ctx: CliContext): void {
  const schedule = program
    .command('schedule')
    .description('run the backup every night: a systemd user timer, else a crontab line');

  schedule
    .command('install')
    .description('install (or update) the nightly backup of each device')
    .option('--at <HH:MM>', 'local time of day (default: schedule.at in the config, 03:00)')
    .addOption(deviceOption())
    .addOption(
      new Option('--using <method>', 'systemd, cron, or auto (systemd when a user manager runs)')
        .choices(['auto', 'systemd', 'cron'])
        .default('auto'),
    )
    .option('--print', 'show what would be installed and run; change nothing')
    .action(
      async (f: { at?: string; device: string[]; using: 'auto' | 'systemd' | 'cron'; print?: boolean }) => {
        // Bad input first (exit 2), before asking the system anything.
        runsFor(ctx, f, true);
        const host = schedulerHost(ctx.env);
        const method =
          f.print && f.using === 'auto'
            ? await pickMethod(host, 'auto').catch(() => 'systemd' as const)
            : await pickMethod(host, f.using);
        const runs = runsFor(ctx, f, method === 'systemd');
        if (f.print) {
          const plan = planFiles(host, runs, method);
          for (const file of plan.files) println(ctx.stdout, `# would write ${file.path}\n${file.text}`);
          if (method === 'systemd') {
            println(ctx.stdout, '# would run: systemctl --user daemon-reload');
            for (const r of runs)
              println(ctx.stdout, `# would run: systemctl --user enable --now ${UNIT_PREFIX}${r.key}.timer`);
          } else {
            println(ctx.stdout, '# would add to the crontab (crontab -l, these lines, crontab -):');
            for (const line of plan.cron) println(ctx.stdout, line);
          }
          return;
        }
        const plan = await installSchedule(host, runs, method);
        for (const r of runs)
          println(
            ctx.stdout,
            `installed ${method === 'systemd' ? 'a systemd user timer' : 'a crontab line'} for ${r.device}, daily at ${r.at} (next: ${when(nextRun(r.at))})`,
          );
        for (const file of plan.files) println(ctx.stdout, `  ${file.path}`);
        if (method === 'systemd')
          println(
            ctx.stdout,
            `  see it: systemctl --user list-timers '${UNIT_PREFIX}*'; its log: journalctl --user -u ${UNIT_PREFIX}<device>.service\n  so it also runs while you are logged out: loginctl enable-linger $USER`,
          );
        else
          println(
            ctx.stdout,
            `  output: ${runs[0]!.home}/logs/cron-<device>.log (cron does not catch up a night the computer was off)`,
          );
      },
    );

  schedule
    .command('remove')
    .description('remove the nightly backup (all devices, or those named); leaves no trace')
    .addOption(deviceOption())
    .action(async (f: { device: string[] }) => {
      const keys = f.device.length ? new Set(f.device.map((d) => deviceKey(parseDeviceRef(d)))) : undefined;
      const removed = await removeSchedule(schedulerHost(ctx.env), keys);
      if (!removed.length) println(ctx.stdout, 'no draftvault schedule to remove');
      for (const r of removed)
        println(
          ctx.stdout,
          `removed the ${r.method === 'systemd' ? 'systemd timer' : 'crontab line'} of ${r.device}`,
        );
    });

  schedule
    .command('status')
    .description('what is scheduled, when it runs next, how the last run went')
    .option('--json', 'print JSON')
    .action(async (f: { json?: boolean }) => {
      const all = await scheduleStatus(schedulerHost(ctx.env));
      if (f.json) return println(ctx.stdout, JSON.stringify(all, null, 2));
      if (!all.length) return println(ctx.stdout, 'nothing is scheduled (draftvault schedule install)');
      for (const s of all) {
        const last = s.last
          ? `last run ${localTime(s.last.startedAt)}: ${s.last.result} (exit ${s.last.exitCode}), ${s.last.backedUp} backed up, ${s.last.failed} failed`
          : 'no run yet';
        const sd = s.systemd ? ` [systemd: ${s.systemd.ActiveState ?? '?'}]` : '';
        println(
          ctx.stdout,
          `${s.device}: ${s.method}, daily at ${s.at}, next ${when(s.next ? new Date(s.next) : null)}${sd}; ${last}`,
        );
      }
    });

  program
    .command('daemon')
    .description(
      'keep the nightly schedule in this process (for hosts with neither systemd nor cron); Ctrl-C stops it',
    )
    .option('--at <HH:MM>', 'local time of day, HH:MM or HH:MM:SS (default: schedule.at in the config)')
    .addOption(deviceOption())
    .action(async (f: { at?: string; device: string[] }) => {
      const runs = runsFor(ctx, f, true);
      await runDaemon({
        runs,
        env: ctx.env,
        signal: ctx.signal,
        say: (l) => println(ctx.stdout, `draftvault daemon: ${l}`),
      });
    });
}

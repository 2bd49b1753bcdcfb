/** `draftvault history`: past runs from their reports, as a table or JSON. */
import type { Command } from 'commander';
import { parseDeviceRef } from '../../drivers/device-ref.js';
import { deviceKey } from '../../jobs/device-lock.js';
import { formatDuration, localTime } from '../../jobs/reports/html.js';
import { listReports } from '../../jobs/reports/write.js';
import { dataHome } from '../../paths.js';
import { type CliContext, println } from '../context.js';
import { parseIntOption } from '../options.js';

/** Add `history`. */
export function registerHistory(program: Command, ctx: CliContext): void {
  program
    .command('history')
    .description('past runs: date, device, drafts found, backed up, failed, duration, exit code')
    .option('--device <device>', 'only this device’s runs')
    .option('--limit <n>', 'the newest N runs (default 20)', parseIntOption('--limit', 1), 20)
    .option('--json', 'print JSON (one object per run, with its report folder)')
    .action((f: { device?: string; limit: number; json?: boolean }) => {
      const key = f.device ? deviceKey(parseDeviceRef(f.device)) : undefined;
      const runs = listReports(dataHome(ctx.env, ctx.cwd))
        .filter((x) => !key || x.report.deviceKey === key)
        .slice(0, f.limit)
        .map(({ report: r }) => ({
          date: r.startedAt,
          device: r.device,
          job: r.job,
          result: r.result,
          found: r.found,
          backedUp: r.backedUp,
          failed: r.failed,
          skipped: r.skipped,
          durationMs: r.durationMs,
          exitCode: r.exitCode,
          report: r.reportDir,
        }));
      if (f.json) return println(ctx.stdout, JSON.stringify(runs, null, 2));
      if (!runs.length) return println(ctx.stdout, 'no runs yet');
      const rows = [
        ['date', 'device', 'found', 'backed up', 'failed', 'duration', 'exit', 'result'],
        ...runs.map((r) => [
          localTime(r.date),
          r.device,
          String(r.found),
          String(r.backedUp),
          String(r.failed),
          formatDuration(r.durationMs),
          String(r.exitCode),
          r.result,
        ]),
      ];
      const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
      for (const row of rows)
        println(
          ctx.stdout,
          row
            .map((v, c) => v.padEnd(widths[c]!))
            .join('  ')
            .trimEnd(),
        );
    });
}

/** `draftvault doctor [--device D] [--json]` */
import type { Command } from 'commander';
import { parseAppiumUrl } from '../../appium/endpoint.js';
import { type DoctorReport, runDoctor } from '../../doctor/doctor.js';
import { parseDeviceRef } from '../../drivers/index.js';
import { DraftvaultError } from '../../errors.js';
import { type CliContext, println } from '../context.js';

const MARK = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;

/** Add the doctor command. */
export function registerDoctor(program: Command, ctx: CliContext): void {
  program
    .command('doctor')
    .description('check Node, Appium, drivers, adb and attached devices; print the fix for each problem')
    .option('--device <device>', 'also check that this device can be used (e.g. android:<serial>)')
    .option('--appium-url <url>', 'also check an external Appium server or Selenium Grid')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { device?: string; appiumUrl?: string; json?: boolean }) => {
      const requested = opts.device ? parseDeviceRef(opts.device) : undefined;
      const external = opts.appiumUrl ? parseAppiumUrl(opts.appiumUrl) : undefined;
      const report = await runDoctor(ctx.env, requested, external);
      if (opts.json) println(ctx.stdout, JSON.stringify(report, null, 2));
      else printReport(ctx, report);
      const ok =
        report.simReady && report.requestedDeviceReady !== false && report.externalAppiumReady !== false;
      if (!ok) throw new DoctorFailed(report);
    });
}

function printReport(ctx: CliContext, report: DoctorReport): void {
  for (const c of report.checks) {
    println(ctx.stdout, `${MARK[c.status]}  ${c.name.padEnd(22)} ${c.detail}`);
    if (c.fix) println(ctx.stdout, `      ${''.padEnd(22)} fix: ${c.fix}`);
  }
  println(ctx.stdout);
  println(ctx.stdout, `simulated phone: ${report.simReady ? 'ready' : 'NOT ready'}`);
  if (report.requestedDeviceReady !== undefined) {
    println(ctx.stdout, `requested device: ${report.requestedDeviceReady ? 'ready' : 'NOT usable'}`);
  }
}

/** Doctor found the requested device (or the simulated phone) unusable: exit 3. */
class DoctorFailed extends DraftvaultError {
  constructor(report: DoctorReport) {
    super(
      'E_DEVICE_UNAVAILABLE',
      report.simReady ? 'the requested device cannot be used' : 'the simulated phone cannot run',
      { hint: 'see the fixes printed above' },
    );
  }
}

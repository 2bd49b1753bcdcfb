/**
 * `draftvault sim reset|state|caps`: prepare a simulated phone, look at it, and print the
 * capabilities that open a session on it (for Appium Inspector via `draftvault appium`).
 */
import type { Command } from 'commander';
import {
  CAMERA_DIR,
  inspectPhone,
  isValidPhoneName,
  PHONE_NAME_RULE,
  type PhoneProblem,
  parsePhoneOptions,
  phoneExists,
  resetPhone,
  SIM_LOCALES,
  SIM_PROFILES,
} from 'draftvault-sim-driver/api';
import { simCapabilities, simHome } from '../../drivers/sim-adapter/index.js';
import { DraftvaultError } from '../../errors.js';
import { type CliContext, println } from '../context.js';
import { parseIntOption } from '../options.js';

/** A valid phone name, or exit 2 before anything is touched. */
function checkName(device: string): string {
  if (!isValidPhoneName(device)) {
    throw new DraftvaultError('E_USAGE', `invalid simulated phone name "${device}"`, {
      hint: PHONE_NAME_RULE,
    });
  }
  return device;
}

/** The package's option problems in this command's flags (`profile` → `--profile`). */
function usageError(problems: readonly PhoneProblem[]): DraftvaultError {
  const flag = (option: string) => (option === 'name' ? '--device' : option ? `--${option}` : 'options');
  return new DraftvaultError('E_USAGE', problems.map((p) => `${flag(p.option)} ${p.message}`).join('; '));
}

/** Add the sim command group. */
export function registerSim(program: Command, ctx: CliContext): void {
  const sim = program
    .command('sim')
    .description('the simulated phone: reset it, inspect it, get its capabilities');
  sim
    .command('reset')
    .description('create (or wipe and recreate) a simulated phone')
    .option('--device <name>', 'which simulated phone', 'sim-1')
    .option('--drafts <n>', 'number of drafts', parseIntOption('--drafts', 0, 500), 5)
    .option('--posts <n>', 'videos already posted publicly', parseIntOption('--posts', 0, 100), 0)
    .option('--profile <p>', `TikTok version: ${SIM_PROFILES.join(', ')}`, 'tiktok-43.1.4')
    .option('--locale <l>', `UI language: ${SIM_LOCALES.join(', ')} (default: the profile's)`)
    .option('--seed <n>', 'random seed', parseIntOption('--seed', 0, 2 ** 31 - 1), 1)
    .action(
      async (o: {
        device: string;
        drafts: number;
        posts: number;
        profile: string;
        locale?: string;
        seed: number;
      }) => {
        const parsed = parsePhoneOptions({
          name: checkName(o.device),
          drafts: o.drafts,
          posts: o.posts,
          profile: o.profile,
          locale: o.locale,
          seed: o.seed,
        });
        if (!parsed.ok) throw usageError(parsed.problems);
        const state = await resetPhone(simHome(ctx.env, ctx.cwd), parsed.options);
        println(
          ctx.stdout,
          `simulated phone "${o.device}": TikTok ${o.profile} (${state.locale}), ${state.drafts.length} drafts`,
        );
      },
    );
  sim
    .command('state')
    .description('print what is on a simulated phone')
    .option('--device <name>', 'which simulated phone', 'sim-1')
    .option('--json', 'print JSON')
    .action(async (o: { device: string; json?: boolean }) => {
      const home = simHome(ctx.env, ctx.cwd);
      if (!phoneExists(home, checkName(o.device)))
        throw new DraftvaultError('E_USAGE', `no simulated phone "${o.device}"`, {
          hint: `run \`draftvault sim reset --device ${o.device}\``,
        });
      const summary = inspectPhone(home, o.device);
      if (o.json) return println(ctx.stdout, JSON.stringify(summary, null, 2));
      println(
        ctx.stdout,
        `${summary.device}: TikTok ${summary.profile} (${summary.locale}), app ${summary.app.running ? `on ${summary.app.screen}` : 'not running'}`,
      );
      println(ctx.stdout, `drafts (${summary.drafts.length}):`);
      for (const d of summary.drafts) println(ctx.stdout, `  ${d.id.padEnd(6)} ${d.caption}`);
      println(ctx.stdout, `posts (${summary.posts.length}):`);
      for (const p of summary.posts)
        println(ctx.stdout, `  ${p.id.padEnd(6)} ${p.privacy.padEnd(8)} ${p.status.padEnd(9)} ${p.caption}`);
      println(ctx.stdout, `gallery (${summary.gallery.length}, ${CAMERA_DIR} and other media folders):`);
      for (const f of summary.gallery) println(ctx.stdout, `  ${f.path} ${f.size} bytes`);
    });
  sim
    .command('caps')
    .description('print the capabilities that open a session on a simulated phone (e.g. in Appium Inspector)')
    .option('--device <name>', 'which simulated phone', 'sim-1')
    .action((o: { device: string }) => {
      checkName(o.device);
      const caps = simCapabilities({ kind: 'sim', id: o.device, platform: 'android' });
      caps['appium:simHome'] = simHome(ctx.env, ctx.cwd);
      println(ctx.stdout, JSON.stringify(caps, null, 2));
    });
}

/**
 * `draftvault sim reset|state|caps`: prepare a simulated phone, look at it, and print the
 * capabilities that open a session on it (for Appium Inspector via `draftvault appium`).
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { parseSimCaps, SIM_LOCALES, SIM_PROFILES } from '../../drivers/sim/caps.js';
import { createPhone } from '../../drivers/sim/model/create.js';
import { CAMERA_DIR, GALLERY_DIRS } from '../../drivers/sim/model/posting.js';
import { PhoneStore } from '../../drivers/sim/model/store.js';
import { simCapabilities, simHome } from '../../drivers/sim-adapter/index.js';
import { DraftvaultError } from '../../errors.js';
import { type CliContext, println } from '../context.js';
import { parseIntOption } from '../options.js';

function storeFor(ctx: CliContext, device: string): PhoneStore {
  if (!/^[\w.-]{1,64}$/.test(device)) {
    throw new DraftvaultError('E_USAGE', `invalid simulated phone name "${device}"`, {
      hint: 'letters, digits, ".", "_" or "-"',
    });
  }
  return new PhoneStore(join(simHome(ctx.env, ctx.cwd), device));
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
        const parsed = parseSimCaps({
          automationName: 'DraftvaultSim',
          simDevice: o.device,
          simDrafts: o.drafts,
          simPosts: o.posts,
          simProfile: o.profile,
          simLocale: o.locale,
          simSeed: o.seed,
        });
        if (!parsed.ok)
          throw new DraftvaultError(
            'E_USAGE',
            parsed.problems.join('; ').replace(/appium:sim(\w)/g, (_m, c: string) => `--${c.toLowerCase()}`),
          );
        const state = await createPhone(storeFor(ctx, o.device), parsed.caps);
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
      const store = storeFor(ctx, o.device);
      if (!store.exists())
        throw new DraftvaultError('E_USAGE', `no simulated phone "${o.device}"`, {
          hint: `run \`draftvault sim reset --device ${o.device}\``,
        });
      const s = store.load();
      const gallery = GALLERY_DIRS.flatMap((d) => store.list(d));
      const summary = {
        device: s.device,
        profile: s.profile,
        locale: s.locale,
        app: {
          running: s.app.running,
          screen: s.app.stack.at(-1)?.name ?? 'launcher',
          popup: s.app.popup ?? null,
        },
        drafts: s.drafts.map((d) => ({
          id: d.id,
          caption: d.caption,
          sha256: d.media.sha256,
          size: d.media.size,
        })),
        posts: s.posts.map((p) => ({
          id: p.id,
          privacy: p.privacy,
          status: p.status,
          fromDraft: p.fromDraft ?? null,
          caption: p.caption,
        })),
        gallery: gallery.map((f) => ({
          path: f.path,
          size: f.size,
          modified: new Date(f.mtimeMs).toISOString(),
        })),
        faults: s.faults,
      };
      if (o.json) return println(ctx.stdout, JSON.stringify(summary, null, 2));
      println(
        ctx.stdout,
        `${s.device}: TikTok ${s.profile} (${s.locale}), app ${summary.app.running ? `on ${summary.app.screen}` : 'not running'}`,
      );
      println(ctx.stdout, `drafts (${s.drafts.length}):`);
      for (const d of summary.drafts) println(ctx.stdout, `  ${d.id.padEnd(6)} ${d.caption}`);
      println(ctx.stdout, `posts (${s.posts.length}):`);
      for (const p of summary.posts)
        println(ctx.stdout, `  ${p.id.padEnd(6)} ${p.privacy.padEnd(8)} ${p.status.padEnd(9)} ${p.caption}`);
      println(ctx.stdout, `gallery (${gallery.length}, ${CAMERA_DIR} and other media folders):`);
      for (const f of summary.gallery) println(ctx.stdout, `  ${f.path} ${f.size} bytes`);
    });
  sim
    .command('caps')
    .description('print the capabilities that open a session on a simulated phone (e.g. in Appium Inspector)')
    .option('--device <name>', 'which simulated phone', 'sim-1')
    .action((o: { device: string }) => {
      storeFor(ctx, o.device);
      const caps = simCapabilities({ kind: 'sim', id: o.device, platform: 'android' });
      caps['appium:simHome'] = simHome(ctx.env, ctx.cwd);
      println(ctx.stdout, JSON.stringify(caps, null, 2));
    });
}

/** `npm start`: a fresh simulated phone with a handful of drafts, backed up into ./backups. */
import { join } from 'node:path';
import { resetPhone } from 'draftvault-sim-driver/api';
import { simHome } from '../../drivers/sim-adapter/index.js';
import { type CliContext, println } from '../context.js';

/** Reset the simulated phone "demo" and return the backup flags that use it. */
export async function prepareDemo(ctx: CliContext): Promise<{ device: string; out: string }> {
  await resetPhone(simHome(ctx.env, ctx.cwd), { name: 'demo', drafts: 5, seed: Date.now() % 100_000 });
  println(ctx.stdout, 'demo: a simulated phone "demo" with 5 drafts (TikTok 43.1.4); backing them all up...');
  return { device: 'sim:demo', out: join(ctx.cwd, 'backups') };
}

/** `npm start`: a fresh simulated phone with a handful of drafts, backed up into ./backups. */
import { join } from 'node:path';
import { parseSimCaps } from '../../drivers/sim/caps.js';
import { createPhone } from '../../drivers/sim/model/create.js';
import { PhoneStore } from '../../drivers/sim/model/store.js';
import { simHome } from '../../drivers/sim-adapter/index.js';
import { type CliContext, println } from '../context.js';

/** Reset the simulated phone "demo" and return the backup flags that use it. */
export async function prepareDemo(ctx: CliContext): Promise<{ device: string; out: string }> {
  const parsed = parseSimCaps({
    automationName: 'DraftvaultSim',
    simDevice: 'demo',
    simDrafts: 5,
    simSeed: Date.now() % 100_000,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  await createPhone(new PhoneStore(join(simHome(ctx.env, ctx.cwd), 'demo')), parsed.caps);
  println(ctx.stdout, 'demo: a simulated phone "demo" with 5 drafts (TikTok 43.1.4); backing them all up...');
  return { device: 'sim:demo', out: join(ctx.cwd, 'backups') };
}

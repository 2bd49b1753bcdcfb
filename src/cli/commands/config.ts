/** `draftvault config check` and `draftvault config schema [--out DIR]`. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { loadFleet } from '../../config/devices.js';
import { configJsonSchema, devicesJsonSchema } from '../../config/json-schema.js';
import { checkWritableFolder } from '../../jobs/folders.js';
import { packageRoot } from '../../paths.js';
import { type CliContext, println } from '../context.js';

/** Add `config`. */
export function registerConfig(program: Command, ctx: CliContext): void {
  const config = program.command('config').description('the config file: check it, or write its JSON Schema');
  config
    .command('check')
    .description('check the config file (errors at file:line:col) and print what applies, defaults included')
    .action(() => {
      const { deviceRoots: _roots, ...c } = loadConfig(ctx.env, ctx.cwd);
      // Webhook headers hold tokens: shown by name only.
      const hook = c.notify.webhook;
      if (hook) hook.headers = Object.fromEntries(Object.keys(hook.headers).map((k) => [k, '(set)']));
      const fleet = loadFleet(ctx.env, ctx.cwd);
      println(ctx.stdout, `${c.file ?? '(no config file: defaults)'} is valid`);
      if (fleet.file) println(ctx.stdout, `${fleet.file} is valid: ${fleet.devices.length} devices`);
      println(ctx.stdout, JSON.stringify(c, null, 2));
    });
  config
    .command('schema')
    .description(
      'write draftvault.schema.json and devices.schema.json (default into config/) for editor autocompletion',
    )
    .option('--out <dir>', 'folder to write into', join(packageRoot(), 'config'))
    .action(async (f: { out: string }) => {
      const out = checkWritableFolder(resolve(ctx.cwd, f.out), '--out');
      await mkdir(out, { recursive: true });
      await writeFile(
        join(out, 'draftvault.schema.json'),
        `${JSON.stringify(configJsonSchema(), null, 2)}\n`,
      );
      await writeFile(join(out, 'devices.schema.json'), `${JSON.stringify(devicesJsonSchema(), null, 2)}\n`);
      println(ctx.stdout, `wrote draftvault.schema.json and devices.schema.json in ${out}`);
    });
}

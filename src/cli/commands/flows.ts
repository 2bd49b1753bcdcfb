/** `draftvault flows validate [paths...]` and `draftvault flows schema [--out DIR]`. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { DraftvaultError } from '../../errors.js';
import { flowJsonSchema, screensJsonSchema, selectorsJsonSchema } from '../../flows/json-schema.js';
import { allErrors, validatePaths } from '../../flows/validate.js';
import { checkWritableFolder } from '../../jobs/folders.js';
import { packageRoot } from '../../paths.js';
import { type CliContext, println } from '../context.js';
import { registerFlowsCheck } from './flows-check.js';

/** Add the flows command group. */
export function registerFlows(program: Command, ctx: CliContext): void {
  const flows = program
    .command('flows')
    .description('check flow and selector files, and selectors on saved screens; write their JSON Schemas');
  registerFlowsCheck(flows, ctx);
  flows
    .command('validate')
    .description(
      'check flows and selector files (default: the shipped flows/); prints every error, starts nothing',
    )
    .argument('[paths...]', 'files or folders')
    .option('--json', 'print results as JSON')
    .action((paths: string[], o: { json?: boolean }) => {
      const config = loadConfig(ctx.env, ctx.cwd);
      const results = validatePaths(paths.length ? paths : [join(packageRoot(), 'flows')], {
        maxBytes: config.limits.yamlFileBytes,
        deviceRoots: config.deviceRoots,
      });
      const bad = results.filter((r) => r.error);
      if (o.json) {
        println(
          ctx.stdout,
          JSON.stringify(
            results.map((r) => ({ file: r.file, kind: r.kind, error: r.error?.toJSON() })),
            null,
            2,
          ),
        );
      } else {
        for (const r of results) {
          for (const w of r.warnings) println(ctx.stderr, `warn  ${w}`);
          if (!r.error) {
            println(ctx.stdout, `ok    ${r.file} (${r.kind})`);
            continue;
          }
          for (const e of allErrors(r.error)) {
            println(ctx.stderr, `${e.where ?? r.file}: ${e.message} [${e.code}]`);
            if (e.frame) println(ctx.stderr, e.frame);
            if (e.hint) println(ctx.stderr, `  hint: ${e.hint}`);
          }
        }
        println(ctx.stdout, `${results.length - bad.length} of ${results.length} files valid`);
      }
      if (bad.length) {
        throw new DraftvaultError(
          'E_FLOW_INVALID',
          `${bad.length} file${bad.length > 1 ? 's have' : ' has'} errors`,
          {
            hint: 'fix the places shown above; nothing was run',
          },
        );
      }
    });
  flows
    .command('schema')
    .description('write flow, selectors and screens JSON Schemas (for editor autocompletion)')
    .option('--out <dir>', 'folder to write into', join(packageRoot(), 'flows', 'schema'))
    .action(async (o: { out: string }) => {
      const out = checkWritableFolder(resolve(ctx.cwd, o.out), '--out');
      // Shipped beside the flows and read by editors: ordinary files, not private ones.
      await mkdir(out, { recursive: true });
      const schemas = {
        flow: flowJsonSchema(),
        selectors: selectorsJsonSchema(),
        screens: screensJsonSchema(),
      };
      for (const [name, schema] of Object.entries(schemas))
        await writeFile(join(out, `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
      println(
        ctx.stdout,
        `wrote ${Object.keys(schemas)
          .map((n) => `${n}.schema.json`)
          .join(', ')} in ${out}`,
      );
    });
}

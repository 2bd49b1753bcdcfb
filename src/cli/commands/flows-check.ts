/** `draftvault flows check --hierarchy <files or folders>`: the flows' selectors on saved screens. */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { DraftvaultError } from '../../errors.js';
import { checkHierarchy, type FileCheck } from '../../flows/screen-check.js';
import { loadScreenBook } from '../../flows/screens.js';
import { packageRoot } from '../../paths.js';
import { type CliContext, println } from '../context.js';

/** XML files under the given paths, sorted. */
function xmlFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch (cause) {
      throw new DraftvaultError('E_USAGE', `${p} does not exist`, {
        hint: 'give saved hierarchies (.xml) or folders of them',
        cause,
      });
    }
    if (st.isDirectory())
      out.push(
        ...readdirSync(p)
          .filter((f) => f.endsWith('.xml'))
          .sort()
          .map((f) => join(p, f)),
      );
    else out.push(p);
  }
  return out;
}

function print(ctx: CliContext, r: FileCheck): void {
  println(
    ctx.stdout,
    `${r.ok ? 'ok  ' : 'FAIL'} ${r.file}: screen ${r.screen ?? '(not recognised)'}${r.how === 'told' ? ' (told)' : ''}`,
  );
  for (const c of r.checks) {
    if (c.role === 'watcher' && c.ok) continue;
    const n =
      c.count.device === c.count.strict ? String(c.count.device) : `${c.count.device}/${c.count.strict}`;
    println(
      ctx.stdout,
      `  ${c.ok ? 'ok  ' : 'FAIL'} ${(c.role === 'watcher' ? `watcher ${c.name}` : c.name).padEnd(28)} ${n.padStart(3)}  ${c.problem ?? c.matched.device ?? ''}`,
    );
  }
}

/** Add `flows check`. */
export function registerFlowsCheck(flows: Command, ctx: CliContext): void {
  flows
    .command('check')
    .description(
      'check the flows’ selectors on saved screens (UiAutomator2 rules: active window, Java regex); no phone',
    )
    .requiredOption(
      '--hierarchy <paths...>',
      'saved hierarchies (.xml): uiautomator dumps or page sources, or folders of them',
    )
    .option('--flows <dir>', 'the flows folder with screens.yaml (default: the shipped flows/tiktok)')
    .option('--screen <name>', 'the screen they show (default: detect it from screens.yaml)')
    .option('--app-version <v>', 'the TikTok version they come from (selects version overrides)')
    .option('--locale <l>', 'the UI language they show, e.g. fr (selects locale overrides)')
    .option('--json', 'print JSON')
    .action(
      (o: {
        hierarchy: string[];
        flows?: string;
        screen?: string;
        appVersion?: string;
        locale?: string;
        json?: boolean;
      }) => {
        const config = loadConfig(ctx.env, ctx.cwd);
        const dir = resolve(ctx.cwd, o.flows ?? join(packageRoot(), 'flows', 'tiktok'));
        const book = loadScreenBook(join(dir, 'screens.yaml'), config.limits.yamlFileBytes);
        const files = xmlFiles(o.hierarchy.map((p) => resolve(ctx.cwd, p)));
        const facts = { platform: 'android' as const, appVersion: o.appVersion, locale: o.locale };
        const results = files.map((f) => checkHierarchy(f, book, facts, o.screen));
        if (o.json) println(ctx.stdout, JSON.stringify(results, null, 2));
        else for (const r of results) print(ctx, r);
        const bad = results.filter((r) => !r.ok).length;
        if (bad)
          throw new DraftvaultError(
            'E_JOB_INCOMPLETE',
            `${bad} of ${results.length} screens have selectors that do not resolve to exactly one node`,
            {
              hint: 'fix the selectors marked FAIL in the selector file (see README, "When TikTok changes its UI")',
            },
          );
      },
    );
}

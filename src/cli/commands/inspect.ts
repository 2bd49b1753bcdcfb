/** `draftvault inspect [--device D] [--web]`: what is on the phone's screen, and how to select it. */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { InspectElement } from '../../jobs/inspect/analyze.js';
import { inspectJob } from '../../jobs/inspect/job.js';
import { packageRoot } from '../../paths.js';
import { fanOut } from '../../runner/events.js';
import { type CliContext, println } from '../context.js';
import { jobOptions } from '../options.js';
import { jsonlReporter } from '../reporters/jsonl.js';

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function table(ctx: CliContext, els: InspectElement[]): void {
  println(
    ctx.stdout,
    `${'#'.padStart(3)}  ${'element'.padEnd(44)} ${'suggested selector'.padEnd(46)} named selectors`,
  );
  for (const e of els) {
    const what =
      [e.text && `"${e.text}"`, e.desc && `desc "${e.desc}"`].filter(Boolean).join(' ') ||
      e.className.replace(/^.*\./, '');
    const sug = e.suggested
      ? `${e.suggested.yaml.slice(2)}${e.suggested.versionSpecific ? ' (version-specific)' : ''}`
      : '-';
    const named =
      e.named.map((m) => (m.count === 1 ? m.name : `${m.name} (finds ${m.count})`)).join(', ') || 'none';
    println(
      ctx.stdout,
      `${String(e.n).padStart(3)}  ${cut(what, 44).padEnd(44)} ${cut(sug, 46).padEnd(46)} ${named}`,
    );
  }
}

/** Add the inspect command. */
export function registerInspect(program: Command, ctx: CliContext): void {
  program
    .command('inspect')
    .description(
      'capture the phone’s screen: its elements, a selector for each, the named selectors that find it',
    )
    .option('--device <device>', 'sim, sim:<name>, android[:<serial>]', 'sim')
    .option('--appium-url <url>', 'use this Appium server or Grid instead of the embedded one')
    .option('--caps <json>', 'extra capabilities as a JSON object')
    .option(
      '--flows <dir>',
      'the flows folder whose selectors are matched (default: the shipped flows/tiktok)',
    )
    .option('--web', 'open a local page (127.0.0.1, a token in its URL) with the screenshot; Ctrl-C stops')
    .option('--json', 'print the capture as JSON')
    .action(
      async (f: {
        device: string;
        appiumUrl?: string;
        caps?: string;
        flows?: string;
        web?: boolean;
        json?: boolean;
      }) => {
        const { captures, runDir } = await inspectJob({
          ...jobOptions(ctx, f, (runDir) => fanOut(jsonlReporter(join(runDir, 'run.jsonl')))),
          flowsDir: resolve(ctx.cwd, f.flows ?? join(packageRoot(), 'flows', 'tiktok')),
          web: f.web,
          onUrl: (url) =>
            println(ctx.stdout, `inspect page: ${url}\n(Ctrl-C stops; captures go to the run folder)`),
        });
        const last = captures.at(-1);
        if (!last) return;
        if (f.json) return println(ctx.stdout, JSON.stringify({ ...last, png: undefined, runDir }, null, 2));
        if (!f.web) table(ctx, last.elements);
        println(ctx.stdout, `screenshot ${last.screenshotFile}, page source ${last.pageSourceFile}`);
      },
    );
}

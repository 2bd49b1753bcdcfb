/** `draftvault run <flow> [--param k=v] [--device D] [--appium-url URL] [--caps JSON]`. */
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { parseAppiumUrl } from '../../appium/endpoint.js';
import { parseDeviceRef } from '../../drivers/index.js';
import { simCapabilities } from '../../drivers/sim-adapter/index.js';
import { DraftvaultError } from '../../errors.js';
import type { Value } from '../../flows/expr.js';
import { loadProject } from '../../flows/project.js';
import { didYouMean } from '../../flows/yaml.js';
import { withDeviceSession } from '../../jobs/device-session.js';
import { folderArtifacts, folderFiles } from '../../jobs/sinks.js';
import { dataHome, newRunDir } from '../../paths.js';
import { fanOut } from '../../runner/events.js';
import { runFlow } from '../../runner/run.js';
import { type CliContext, println } from '../context.js';
import { parseCaps } from '../options.js';
import { consoleReporter } from '../reporters/console.js';
import { jsonlReporter } from '../reporters/jsonl.js';

function parseParams(pairs: string[], declared: string[]): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0) throw new DraftvaultError('E_USAGE', `--param "${p}" is not name=value`);
    const name = p.slice(0, i);
    if (!declared.includes(name)) {
      const s = didYouMean(name, declared);
      throw new DraftvaultError('E_UNKNOWN_PARAM', `the flow has no parameter "${name}"`, {
        hint: s ? `did you mean "${s}"?` : `its parameters: ${declared.join(', ') || 'none'}`,
      });
    }
    const v = p.slice(i + 1);
    out[name] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v === 'true' || v === 'false' ? v === 'true' : v;
  }
  return out;
}

/** Add the run command. */
export function registerRun(program: Command, ctx: CliContext): void {
  program
    .command('run')
    .description('run a flow on a device (default: the simulated phone)')
    .argument('<flow>', 'flow file')
    .option('--param <name=value...>', 'flow parameters', [])
    .option('--device <device>', 'sim, sim:<name>, sim-ios, android[:<serial>], ios[:<udid>]', 'sim')
    .option('--appium-url <url>', 'use this Appium server or Grid instead of the embedded one')
    .option('--caps <json>', 'extra capabilities as a JSON object')
    .option('--json', 'print the result as JSON (steps still go to run.jsonl)')
    .action(
      async (
        file: string,
        o: { param: string[]; device: string; appiumUrl?: string; caps?: string; json?: boolean },
      ) => {
        // Everything that can be checked is checked before a session starts.
        const device = parseDeviceRef(o.device);
        if (o.appiumUrl) parseAppiumUrl(o.appiumUrl);
        const caps = parseCaps(o.caps);
        const project = loadProject(file);
        const params = parseParams(o.param, Object.keys(project.entry.params));
        const runDir = newRunDir('run', dataHome(ctx.env, ctx.cwd));
        const reporter = fanOut(
          jsonlReporter(join(runDir, 'run.jsonl')),
          ...(o.json ? [] : [consoleReporter(ctx.stdout)]),
        );
        const extra = device.kind === 'sim' ? { ...simCapabilities(device), ...caps } : caps;
        const result = await withDeviceSession(
          { device, appiumUrl: o.appiumUrl, runDir, signal: ctx.signal, capabilities: extra },
          (d) =>
            runFlow({
              session: d.session,
              project,
              facts: d.facts,
              appId: d.appId,
              params,
              reporter,
              files: folderFiles(dirname(file)),
              artifacts: folderArtifacts(runDir),
              signal: ctx.signal,
              env: ctx.env,
              appiumLogTail: d.appiumLogTail,
            }),
        );
        if (o.json)
          println(ctx.stdout, JSON.stringify({ ...result, error: result.error?.toJSON(), runDir }, null, 2));
        if (result.error) {
          const top = result.stack?.at(-1);
          throw new DraftvaultError(
            result.error.code,
            `${top ? `${top.at}: ${top.step}: ` : ''}${result.error.message}`,
            {
              hint: [
                result.error.hint,
                result.artifactsDir && `screenshot, page source and log: ${result.artifactsDir}`,
              ]
                .filter(Boolean)
                .join('\n  '),
              cause: result.error,
            },
          );
        }
        if (!o.json)
          println(
            ctx.stdout,
            `flow ${project.entry.name} passed (${result.commands} WebDriver commands); log: ${join(runDir, 'run.jsonl')}`,
          );
      },
    );
}

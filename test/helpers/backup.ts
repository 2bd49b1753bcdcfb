/**
 * Backup tests drive the real CLI (a real process, so SIGKILL is real) against simulated phones.
 * Setting a phone up and reading it back go through the simulator's own API, in this process:
 * the same calls `draftvault sim reset|state` make (test/cli/sim.test.ts runs those), without a
 * Node process each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectPhone, resetPhone } from 'draftvault-sim-driver/api';
import { simHome } from '../../src/drivers/sim-adapter/index.js';
import { type CliResult, runCli } from './proc.js';

/** `sim reset` flags (`--posts 1`, `--profile p`, `--locale l`, `--seed n`) as the API's options. */
function resetFlags(extra: string[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (let i = 0; i < extra.length; i += 2) {
    const key = extra[i]!.replace(/^--/, '');
    const value = extra[i + 1]!;
    out[key] = ['posts', 'seed'].includes(key) ? Number(value) : value;
  }
  return out;
}

/** What `sim state --json` reports. */
export interface SimSummary {
  drafts: { id: string; caption: string; sha256: string; clips?: string[] }[];
  posts: { id: string; privacy: string; status: string; caption: string }[];
  gallery: { path: string }[];
}

/** A simulated phone plus a backup folder, in one DRAFTVAULT_HOME. */
export function phone(home: string, device: string) {
  const env = { DRAFTVAULT_HOME: home };
  const out = join(home, 'backups');
  return {
    env,
    out,
    folder: join(out, device),
    reset: async (drafts: number, extra: string[] = []): Promise<CliResult> => {
      // The API's defaults are the CLI's; it validates the options itself (a bad flag throws).
      const options = { name: device, drafts, ...resetFlags(extra) };
      await resetPhone(simHome(env), options as Parameters<typeof resetPhone>[1]);
      return { code: 0, stdout: '', stderr: '' };
    },
    // As `sim state --json` prints it.
    state: async (): Promise<SimSummary> =>
      JSON.parse(JSON.stringify(inspectPhone(simHome(env), device))) as SimSummary,
    backup: (args: string[] = [], moreEnv: NodeJS.ProcessEnv = {}, timeoutMs = 300_000): Promise<CliResult> =>
      runCli(
        ['backup', '--device', `sim:${device}`, '--out', out, '--json', ...args],
        { ...env, ...moreEnv },
        timeoutMs,
      ),
    manifest: () =>
      JSON.parse(readFileSync(join(out, device, 'manifest.json'), 'utf8')) as {
        entries: { file: string; sha256: string; marker: string; caption: string; size: number }[];
      },
  };
}

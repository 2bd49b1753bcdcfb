/** Parsers for option values; each throws commander's InvalidArgumentError (→ exit 2, one line). */
import { InvalidArgumentError } from 'commander';
import { parseAppiumUrl } from '../appium/endpoint.js';
import { loadConfig } from '../config/config.js';
import { parseDeviceRef } from '../drivers/index.js';
import { DraftvaultError } from '../errors.js';
import type { JobReporter } from '../jobs/events.js';
import type { JobOptions } from '../jobs/job-session.js';
import { dataHome } from '../paths.js';
import type { CliContext } from './context.js';

/** A whole number within bounds. */
export function parseIntOption(name: string, min = 0, max = Number.MAX_SAFE_INTEGER) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} takes a whole number from ${min} to ${max}, not "${raw}".`);
    }
    return n;
  };
}

/** What every job shares whatever its device: the data folder, the config, the environment, the signal. */
export function baseJobOptions(ctx: CliContext): Pick<JobOptions, 'home' | 'config' | 'env' | 'signal'> {
  return {
    home: dataHome(ctx.env, ctx.cwd),
    config: loadConfig(ctx.env, ctx.cwd),
    env: ctx.env,
    signal: ctx.signal,
  };
}

/** The options every job command shares: device, server, capabilities, folders, config. */
export function jobOptions(
  ctx: CliContext,
  f: { device: string; appiumUrl?: string; caps?: string },
  reporter: (runDir: string) => JobReporter,
): JobOptions {
  const device = parseDeviceRef(f.device);
  if (f.appiumUrl) parseAppiumUrl(f.appiumUrl);
  return {
    device,
    appiumUrl: f.appiumUrl,
    capabilities: parseCaps(f.caps),
    ...baseJobOptions(ctx),
    reporter,
  };
}

/** `--caps <json>`: extra capabilities as a JSON object. */
export function parseCaps(raw: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new DraftvaultError('E_USAGE', '--caps must be a JSON object', {
    hint: `e.g. --caps '{"appium:simDrafts": 3}'`,
  });
}

/** Parsers for option values; each throws commander's InvalidArgumentError (→ exit 2, one line). */
import { InvalidArgumentError } from 'commander';
import { DraftvaultError } from '../errors.js';

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

/** Parsers for option values; each throws commander's InvalidArgumentError (→ exit 2, one line). */
import { InvalidArgumentError } from 'commander';

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

/**
 * Several lookups as one request. On Android a `-android uiautomator` value of `;`-separated
 * statements is answered with the union of their matches, statement by statement (the
 * UiAutomator2 server's behaviour); on iOS NSPredicates join with OR.
 */
import type { Alternative } from '../core/selectors.js';
import { type Locator, toLocator } from '../drivers/locators.js';

const UI = '-android uiautomator';

/**
 * A selector's alternatives, tried in order, as one request: when each is a plain UiSelector and
 * the first match is wanted, the union lists the first matching alternative's matches first, so
 * its first id is the one trying the alternatives in turn would give. Undefined otherwise.
 */
export function alternativesAsOne(
  alternatives: readonly Alternative[],
  platform: 'android' | 'ios',
  nth?: number,
): Locator | undefined {
  if (platform !== 'android' || (nth ?? 0) !== 0 || alternatives.length < 2) return undefined;
  const values: string[] = [];
  for (const alt of alternatives) {
    const loc = toLocator(alt, platform);
    if (!loc || loc.using !== UI || alt.within || (alt.index ?? 0) !== 0) return undefined;
    // A statement list or an instance() of its own would change what the first id means.
    if (loc.value.includes(';') || /\.instance\(/.test(loc.value)) return undefined;
    values.push(loc.value);
  }
  return { using: UI, value: values.join(';') };
}

/**
 * Every alternative of every watcher that can join one request (UiSelector statements, or
 * NSPredicates joined with OR), and the rest (xpath, class chains, `within`), to look up after it.
 */
export function combinedProbe(
  alternatives: readonly Alternative[],
  platform: 'android' | 'ios',
): { combined?: Locator; rest: Alternative[] } {
  const joins = platform === 'ios' ? '-ios predicate string' : UI;
  const joinable: string[] = [];
  const rest: Alternative[] = [];
  for (const alt of alternatives) {
    const loc = toLocator(alt, platform);
    if (!loc) continue;
    if (loc.using === joins && !alt.within) joinable.push(loc.value);
    else rest.push(alt);
  }
  const value = platform === 'ios' ? joinable.map((v) => `(${v})`).join(' OR ') : joinable.join(';');
  return { combined: joinable.length ? { using: joins, value } : undefined, rest };
}

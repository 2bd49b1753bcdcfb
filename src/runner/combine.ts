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
 * NSPredicates joined with OR), and the rest (xpath, class chains, iOS `within`), to look up
 * after it. On Android a `within` alternative joins as `container.childSelector(child)`, one
 * statement per container alternative: the probe only tells whether a watcher may show (any
 * container holding the child), each watcher is then looked up in turn as written.
 */
export function combinedProbe(
  alternatives: readonly Alternative[],
  platform: 'android' | 'ios',
  containerOf: (name: string) => readonly Alternative[] = () => [],
): { combined?: Locator; rest: Alternative[] } {
  const joins = platform === 'ios' ? '-ios predicate string' : UI;
  const joinable: string[] = [];
  const rest: Alternative[] = [];
  for (const alt of alternatives) {
    const loc = toLocator(alt, platform);
    if (!loc) continue;
    if (loc.using === joins && !alt.within) joinable.push(loc.value);
    else if (loc.using === UI && alt.within && platform === 'android') {
      const inside = nested(loc.value, containerOf(alt.within), platform);
      if (inside) joinable.push(...inside);
      else rest.push(alt);
    } else rest.push(alt);
  }
  const value = platform === 'ios' ? joinable.map((v) => `(${v})`).join(' OR ') : joinable.join(';');
  return { combined: joinable.length ? { using: joins, value } : undefined, rest };
}

/** One plain `new UiSelector()...` statement (no union, no instance of its own). */
function plainStatement(v: string): boolean {
  return v.startsWith('new UiSelector()') && !v.includes(';') && !/\.instance\(/.test(v);
}

/** `child` inside each container alternative, as UiSelector statements; undefined if one cannot say it. */
function nested(
  child: string,
  containers: readonly Alternative[],
  platform: 'android',
): string[] | undefined {
  if (!plainStatement(child) || containers.length === 0) return undefined;
  const out: string[] = [];
  for (const c of containers) {
    const loc = toLocator(c, platform);
    if (!loc || loc.using !== UI || c.within || !plainStatement(loc.value)) return undefined;
    out.push(`${loc.value}.childSelector(${child})`);
  }
  return out;
}

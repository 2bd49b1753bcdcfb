/**
 * Selector alternative → Appium locator. The one place that knows locator syntax:
 * UiSelector chains on Android (one round trip, no page source), NSPredicate on iOS.
 */
import type { Alternative } from '../core/selectors.js';

/** A WebDriver locator. */
export interface Locator {
  using: string;
  value: string;
}

/**
 * A UiSelector string argument. The UiAutomator2 server undoes only `\"` in a string literal and
 * passes every other backslash to java.util.regex as it is (notes/uiautomator2.md, from the
 * server's bytecode), so a regex must reach it with single backslashes: JSON quoting would turn
 * `\s` into a literal backslash and an `s`.
 */
export const uiQuote = (s: string) => `"${s.replace(/"/g, '\\"')}"`;
const q = uiQuote;
/** An NSPredicate string literal. */
const pq = (s: string) => JSON.stringify(s);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Android: fields of one alternative become one UiSelector chain (all must match). */
function android(a: Alternative): Locator {
  if (a.uiautomator) return { using: '-android uiautomator', value: a.uiautomator };
  if (a.xpath) return { using: 'xpath', value: a.xpath };
  const parts: string[] = [];
  if (a.text !== undefined) parts.push(`.text(${q(a.text)})`);
  if (a.textContains !== undefined) parts.push(`.textContains(${q(a.textContains)})`);
  if (a.textStartsWith !== undefined) parts.push(`.textStartsWith(${q(a.textStartsWith)})`);
  if (a.textMatches !== undefined) parts.push(`.textMatches(${q(a.textMatches)})`);
  if (a.desc !== undefined) parts.push(`.description(${q(a.desc)})`);
  if (a.descContains !== undefined) parts.push(`.descriptionContains(${q(a.descContains)})`);
  if (a.descStartsWith !== undefined) parts.push(`.descriptionStartsWith(${q(a.descStartsWith)})`);
  if (a.descMatches !== undefined) parts.push(`.descriptionMatches(${q(a.descMatches)})`);
  if (a.id !== undefined)
    parts.push(
      a.id.includes(':id/') ? `.resourceId(${q(a.id)})` : `.resourceIdMatches(${q(`.*:id/${esc(a.id)}`)})`,
    );
  if (a.className !== undefined) parts.push(`.className(${q(a.className)})`);
  return { using: '-android uiautomator', value: `new UiSelector()${parts.join('')}` };
}

/** iOS: fields become one NSPredicate (all must match). */
function ios(a: Alternative): Locator {
  if (a.classChain) return { using: '-ios class chain', value: a.classChain };
  if (a.predicate) return { using: '-ios predicate string', value: a.predicate };
  if (a.xpath) return { using: 'xpath', value: a.xpath };
  const parts: string[] = [];
  const text = (op: string, v: string) => parts.push(`label ${op} ${pq(v)}`);
  if (a.text !== undefined) text('==', a.text);
  if (a.textContains !== undefined) text('CONTAINS', a.textContains);
  if (a.textStartsWith !== undefined) text('BEGINSWITH', a.textStartsWith);
  if (a.textMatches !== undefined) text('MATCHES', a.textMatches);
  if (a.desc !== undefined) text('==', a.desc);
  if (a.descContains !== undefined) text('CONTAINS', a.descContains);
  if (a.descStartsWith !== undefined) text('BEGINSWITH', a.descStartsWith);
  if (a.descMatches !== undefined) text('MATCHES', a.descMatches);
  if (a.id !== undefined) parts.push(`name == ${pq(a.id)}`);
  if (a.className !== undefined) parts.push(`type == ${pq(a.className)}`);
  return { using: '-ios predicate string', value: parts.join(' AND ') };
}

/** The locator for an alternative on a platform, or undefined when it cannot apply there. */
export function toLocator(a: Alternative, platform: 'android' | 'ios'): Locator | undefined {
  if (platform === 'android' && (a.predicate || a.classChain) && !a.uiautomator && !a.xpath) return undefined;
  if (platform === 'ios' && a.uiautomator && !a.predicate && !a.classChain && !a.xpath) return undefined;
  return platform === 'ios' ? ios(a) : android(a);
}

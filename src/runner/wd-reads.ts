/**
 * What the runner reads back from WebDriver answers: element ids of a find, whether an error
 * means the element has left the screen, and the gate's read-only view of a session.
 */
import type { GateReader } from './gate.js';

const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** Element ids from a W3C find-elements answer. */
export function elementIds(refs: unknown): string[] {
  return (refs as Record<string, string>[]).map((r) => r[ELEMENT_KEY] ?? r.ELEMENT!);
}

/** What the gate reads, over a WebDriver session. */
export function sessionReader(s: WebdriverIO.Browser, platform: 'android' | 'ios'): GateReader {
  return {
    platform,
    findAll: async (using, value) => elementIds(await s.findElements(using, value)),
    rect: (id) => s.getElementRect(id),
    async words(id) {
      const names = platform === 'ios' ? ['label', 'name', 'value'] : ['content-desc'];
      const out = [await s.getElementText(id)];
      for (const n of names) out.push((await s.getElementAttribute(id, n)) ?? '');
      return out.filter((w): w is string => typeof w === 'string');
    },
  };
}

/** A WebDriver error saying the element is no longer on screen (it may sit in a refusal's causes). */
export function isStale(err: unknown): boolean {
  for (let e = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const text = `${(e as Error).name ?? ''} ${(e as Error).message ?? ''}`;
    if (/stale element|no such element/i.test(text)) return true;
  }
  return false;
}

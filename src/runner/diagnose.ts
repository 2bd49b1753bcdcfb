/**
 * A failure that says what to edit: when a selector found nothing, check each of its
 * alternatives against the page source saved at the failure (how many nodes each finds there,
 * under UiAutomator2's rules), name the file and line that define the selector, and show the
 * nodes on the screen whose text or content-desc come closest to what was searched for.
 */
import { distance } from 'fastest-levenshtein';
import type { Alternative } from '../core/selectors.js';
import { describeAlternative } from '../core/selectors.js';
import { parseHierarchy } from '../drivers/android/hierarchy.js';
import { matchAlternative } from '../drivers/android/match.js';
import { FLAVOURS } from '../drivers/android/uiselector.js';
import type { DraftvaultError, Span } from '../errors.js';

/** One node of the screen that looks like what was searched for. */
export interface NearMiss {
  text?: string;
  desc?: string;
  id?: string;
  className?: string;
}

/** What the diagnosis found. */
export interface Diagnosis {
  selector?: string;
  definedAt?: string;
  tried: { alternative: string; found: number | null }[];
  closest: NearMiss[];
}

/** The words an alternative searches for (exact and partial texts, literal parts of patterns). */
function wanted(a: Alternative): string[] {
  const words = [a.text, a.textContains, a.textStartsWith, a.desc, a.descContains, a.descStartsWith];
  for (const re of [a.textMatches, a.descMatches]) {
    // The longest literal run of a pattern is what a person meant: "Brouillons\s*:.*" → "Brouillons".
    const literal = re?.split(/[\\^$.*+?()[\]{}|]+/).sort((x, y) => y.length - x.length)[0];
    if (literal && literal.length >= 3) words.push(literal);
  }
  return words.filter((w): w is string => !!w && w.trim().length > 0);
}

/** Diagnose an E_ELEMENT_NOT_FOUND error against the page source (Android); undefined otherwise. */
export function diagnose(
  err: DraftvaultError,
  pageSource: string,
  platform: 'android' | 'ios',
): Diagnosis | undefined {
  const alts = err.details?.alternatives as Alternative[] | undefined;
  if (err.code !== 'E_ELEMENT_NOT_FOUND' || !alts) return undefined;
  const span = err.details?.definedAt as Span | undefined;
  const out: Diagnosis = {
    selector: err.details?.selector as string | undefined,
    definedAt: span && `${span.file}:${span.line}:${span.col}`,
    tried: alts.map((a) => ({ alternative: describeAlternative(a), found: null })),
    closest: [],
  };
  if (platform !== 'android' || !pageSource) return out;
  let tree: ReturnType<typeof parseHierarchy>;
  try {
    tree = parseHierarchy(pageSource, 'page source');
  } catch {
    return out;
  }
  out.tried = alts.map((a) => {
    let found: number | null = null;
    try {
      // `within` is not followed here: the count is for the whole active window.
      found = matchAlternative(tree, { ...a, within: undefined }, FLAVOURS.device, () => ({
        tried: [],
      })).length;
    } catch {
      found = null;
    }
    return { alternative: describeAlternative(a), found };
  });
  const words = alts.flatMap(wanted).map((w) => w.toLowerCase());
  const scored = tree.nodes
    .filter((n) => n.window === tree.active && (n.attrs.text || n.attrs['content-desc']))
    .map((n) => {
      const labels = [n.attrs.text, n.attrs['content-desc']]
        .filter((l): l is string => !!l)
        .map((l) => l.toLowerCase());
      const score = Math.min(
        ...words.flatMap((w) =>
          labels.map((l) =>
            l.includes(w) || w.includes(l) ? 0.1 : distance(w, l) / Math.max(w.length, l.length),
          ),
        ),
      );
      return { n, score };
    })
    .filter((x) => x.score <= 0.5)
    .sort((a, b) => a.score - b.score)
    .slice(0, 3);
  out.closest = scored.map(({ n }) => ({
    ...(n.attrs.text ? { text: n.attrs.text } : {}),
    ...(n.attrs['content-desc'] ? { desc: n.attrs['content-desc'] } : {}),
    ...(n.attrs['resource-id'] ? { id: n.attrs['resource-id'] } : {}),
    className: n.attrs.class,
  }));
  return out;
}

/** The diagnosis as hint lines for a person. */
export function diagnosisLines(d: Diagnosis): string[] {
  const lines = [
    `tried, in order: ${d.tried.map((t) => `${t.alternative} (${t.found === null ? '?' : t.found} on screen)`).join('; ')}`,
  ];
  if (d.definedAt)
    lines.push(
      `edit ${d.selector} at ${d.definedAt} (or add an overrides: entry for this app version or locale)`,
    );
  if (d.closest.length)
    lines.push(
      `closest on screen: ${d.closest
        .map((c) =>
          [c.text && `text "${c.text}"`, c.desc && `desc "${c.desc}"`, c.id && `id ${c.id}`]
            .filter(Boolean)
            .join(', '),
        )
        .join(' | ')}`,
    );
  return lines;
}

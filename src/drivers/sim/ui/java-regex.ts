/**
 * Java regular expressions (UiSelector `textMatches`, `descriptionMatches`...) as JavaScript
 * RegExps: the one translation draftvault uses, both in the simulator and in `flows check`
 * (src/drivers/android/uiselector.ts imports it through `draftvault-sim-driver/api`).
 *
 * `*Matches` is `java.util.regex` with `matches()`: the whole value must match. Java's own inline
 * flags (`(?i)`, `(?s)`, `(?m)`, `(?u)`, `(?x)` leading the pattern) are honoured. Sources disagree
 * on the rest, so both flavours exist: desktop Java (tiktok-ui.md C.14: `.` skips line breaks
 * without `(?s)`; `\s` is ASCII, so it does NOT match U+00A0 / U+202F, the no-break spaces French
 * puts before ":" and "%"), and the phone's as read from the server's bytecode (DOTALL on text and
 * description, ICU's Unicode `\s`). The simulator is strict by default.
 */

/** Which regex semantics to apply. */
export interface RegexFlavour {
  /** `.` matches line breaks in text/description patterns. */
  dotAll: boolean;
  /** `\s` matches Unicode spaces (U+00A0, U+202F...). */
  unicodeSpace: boolean;
}

/** The phone's flavour (server bytecode) and the stricter one (Appendix C). */
export const FLAVOURS: Record<'device' | 'strict', RegexFlavour> = {
  device: { dotAll: true, unicodeSpace: true },
  strict: { dotAll: false, unicodeSpace: false },
};

/** A Java pattern this translation cannot express (possessive quantifiers, atomic groups), or a bad one. */
export class JavaRegexError extends Error {}

const ASCII_SPACE = '\\t\\n\\x0B\\f\\r ';

/** `\s` / `\S` as desktop Java reads them (ASCII only); everything else as written. */
function asciiSpaces(body: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      const e = body[i + 1]!;
      if (e === 's') out += inClass ? ASCII_SPACE : `[${ASCII_SPACE}]`;
      else if (e === 'S' && !inClass) out += `[^${ASCII_SPACE}]`;
      else out += c + e;
      i += 1;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return out;
}

/**
 * A Java pattern as a JavaScript RegExp, anchored (Java's `matches()`). `textual`: a text or
 * description pattern (where the phone's flavour adds DOTALL).
 */
export function javaRegex(src: string, f: RegexFlavour, textual: boolean): RegExp {
  let flags = textual && f.dotAll ? 's' : '';
  let body = src;
  let unicode = f.unicodeSpace;
  const inline = /^\(\?([imsuxU]+)\)/.exec(body);
  if (inline) {
    body = body.slice(inline[0].length);
    for (const c of inline[1]!) {
      if ((c === 'i' || c === 's' || c === 'm') && !flags.includes(c)) flags += c;
      // (?U) is Java's UNICODE_CHARACTER_CLASS: \s then matches the no-break spaces too.
      if (c === 'U') unicode = true;
    }
  }
  if (/\(\?>|[*+?}]\+/.test(body)) throw new JavaRegexError(`regex feature not supported here: ${src}`);
  if (!unicode) body = asciiSpaces(body);
  try {
    return new RegExp(`^(?:${body})$`, flags);
  } catch (err) {
    throw new JavaRegexError(`bad regex ${src}: ${(err as Error).message}`);
  }
}

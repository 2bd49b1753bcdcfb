/**
 * Where an unclosed YAML construct was opened. The yaml library notices a missing `}` or quote
 * only where the file stops making sense (often its last line); users need the place where they
 * opened it. A small scanner over the text finds the first bracket or quote never closed.
 */

/** An opener that is never closed: its character and 1-based place. */
export interface Unclosed {
  char: string;
  line: number;
  col: number;
}

const SCALAR_START = new Set([':', '-', '[', '{', ',', '?']);

/** The first unclosed `{`, `[`, `"` or `'` in `text` (quotes only where a scalar can start). */
export function findUnclosed(text: string): Unclosed | undefined {
  const lines = text.split(/\r?\n/);
  const stack: Unclosed[] = [];
  let quote: Unclosed | undefined;
  let blockIndent = -1; // inside a block scalar: lines indented more than this are text
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    let prev = ''; // the previous non-space character on this line
    let prevWasSpace = true;
    for (let ci = 0; ci < line.length; ci++) {
      const ch = line[ci]!;
      if (quote) {
        if (quote.char === '"' && ch === '\\') {
          ci += 1;
          continue;
        }
        if (ch === quote.char) {
          if (quote.char === "'" && line[ci + 1] === "'") {
            ci += 1;
            continue;
          }
          quote = undefined;
          prev = ch;
          prevWasSpace = false;
        }
        continue;
      }
      if (ch === '#' && prevWasSpace) break;
      if (
        (ch === '"' || ch === "'") &&
        (prev === '' ||
          (SCALAR_START.has(prev) && (prevWasSpace || prev === '[' || prev === '{' || prev === ',')))
      ) {
        quote = { char: ch, line: li + 1, col: ci + 1 };
        continue;
      }
      if ((ch === '{' || ch === '[') && (prev === '' || SCALAR_START.has(prev)))
        stack.push({ char: ch, line: li + 1, col: ci + 1 });
      else if ((ch === '}' || ch === ']') && stack.length) stack.pop();
      if (ch !== ' ' && ch !== '\t') {
        prev = ch;
        prevWasSpace = false;
      } else prevWasSpace = true;
    }
    if (!quote && stack.length === 0 && /(^|[\s:-])[|>][+-]?\d*\s*(#.*)?$/.test(line)) blockIndent = indent;
  }
  return quote ?? stack[0];
}

/**
 * YAML with positions: parse a file, find the node at a path, and turn schema problems into
 * DraftvaultErrors that point at file:line:col with a code frame and a "did you mean".
 */
import { closest, distance } from 'fastest-levenshtein';
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from 'yaml';
import type { z } from 'zod';
import { DraftvaultError, type ErrorCode, type Span } from '../errors.js';
import { describeIssue } from '../validation.js';
import { findUnclosed } from './unclosed.js';

/** A parsed YAML file. */
export interface YamlFile {
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The document as plain values. */
  js: unknown;
}

/** Expanding aliases beyond this many is refused (a small file can otherwise expand to gigabytes). */
const MAX_ALIASES = 100;

const OPENER_WORDS: Record<string, string> = {
  '{': 'this "{" is never closed',
  '[': 'this "[" is never closed',
  '"': 'this double quote is never closed',
  "'": 'this single quote is never closed',
};

/** Parse YAML text; a syntax error becomes E_YAML_SYNTAX where the problem started. */
export function parseYaml(text: string, file: string): YamlFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  const fail = (code: ErrorCode, message: string, line: number, col: number, hint: string) => {
    const span = { file, line, col };
    return new DraftvaultError(code, message, { span, frame: codeFrame(text, span), hint });
  };
  if (err) {
    const pos = lines.linePos(err.pos[0]);
    if (err.code === 'DUPLICATE_KEY')
      throw fail(
        'E_DUPLICATE_NAME',
        'this key appears twice in the same map',
        pos.line,
        pos.col,
        'each key may appear once; rename or remove one of them',
      );
    // A bracket or quote left open is reported where the parser gave up: point at the opener.
    const open = findUnclosed(text);
    if (open && (open.line < pos.line || (open.line === pos.line && open.col < pos.col))) {
      throw fail(
        'E_YAML_SYNTAX',
        `invalid YAML: ${OPENER_WORDS[open.char]}`,
        open.line,
        open.col,
        `close it with ${open.char === '{' ? '"}"' : open.char === '[' ? '"]"' : 'the same quote'} on the same line, or remove it`,
      );
    }
    throw fail(
      'E_YAML_SYNTAX',
      yamlMessage(err.code),
      pos.line,
      pos.col,
      'check indentation, colons and quotes near this place',
    );
  }
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (cause) {
    const alias = firstAlias(doc, /Unresolved alias/.test(String(cause)));
    const pos = lines.linePos(alias?.range?.[0] ?? 0);
    const unresolved = /Unresolved alias/.test(String(cause));
    throw new DraftvaultError(
      'E_YAML_SYNTAX',
      unresolved
        ? `invalid YAML: the alias *${alias?.source ?? '?'} names no anchor before it`
        : `invalid YAML: aliases expand to more than ${MAX_ALIASES} copies`,
      {
        span: { file, line: pos.line, col: pos.col },
        frame: codeFrame(text, { file, line: pos.line, col: pos.col }),
        hint: unresolved
          ? 'define the anchor (&name) before using the alias (*name)'
          : 'flows do not need nested aliases; write the values out',
        cause,
      },
    );
  }
  return { file, text, doc, lines, js };
}

/** The first alias (or the first unresolved one) in a document. */
function firstAlias(
  doc: Document.Parsed,
  unresolved: boolean,
): { source: string; range?: [number, number, number] | null } | undefined {
  const anchors = new Set<string>();
  let found: { source: string; range?: [number, number, number] | null } | undefined;
  visit(doc, {
    Node(_k, node) {
      if (found) return visit.BREAK;
      if (isAlias(node)) {
        if (!unresolved || !anchors.has(node.source)) found = node;
        return undefined;
      }
      const anchor = (node as { anchor?: string }).anchor;
      if (anchor) anchors.add(anchor);
      return undefined;
    },
  });
  return found;
}

/** The plain value at `path` (undefined when absent). */
export function valueAt(y: YamlFile, path: readonly PropertyKey[]): unknown {
  let v: unknown = y.js;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function yamlMessage(code: string): string {
  const words: Record<string, string> = {
    BAD_INDENT: 'bad indentation',
    MISSING_CHAR: 'a character is missing (a quote or bracket?)',
    BLOCK_AS_IMPLICIT_KEY: 'a block value where a key was expected',
    MULTILINE_IMPLICIT_KEY: 'a key spans several lines',
    UNEXPECTED_TOKEN: 'unexpected character',
    TAB_AS_INDENT: 'tabs cannot indent YAML; use spaces',
  };
  return `invalid YAML: ${words[code] ?? code.toLowerCase().replace(/_/g, ' ')}`;
}

/** The 1-based position of a node (or of the file start). */
export function spanOf(y: YamlFile, node: Node | undefined | null): Span {
  const offset = node?.range?.[0] ?? 0;
  const p = y.lines.linePos(offset);
  return { file: y.file, line: p.line, col: p.col };
}

/** The node at `path` (or the deepest existing ancestor); `key: true` gives the key node of a map pair. */
export function nodeAt(y: YamlFile, path: readonly PropertyKey[], key = false): Node | undefined {
  let node: unknown = y.doc.contents;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
      if (!pair) return node as Node;
      if (key && i === path.length - 1) return pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (!item) return node as Node;
      node = item;
    } else return node as Node;
  }
  return node as Node;
}

/** Source lines around a span with a caret under the column. */
export function codeFrame(text: string, span: Span, context = 2): string {
  const lines = text.split(/\r?\n/);
  const from = Math.max(1, span.line - context);
  const to = Math.min(lines.length, span.line + context);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    out.push(`${n === span.line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
    if (n === span.line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, span.col - 1))}^`);
  }
  return out.join('\n');
}

/** "did you mean X?" when a close candidate exists. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, candidates as string[]);
  return distance(word.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(word.length / 3))
    ? best
    : undefined;
}

/** An error at a node. Every error a user can get from a file says what to do: `hint` is required. */
export function errorAt(
  y: YamlFile,
  node: Node | undefined,
  code: ErrorCode,
  message: string,
  hint: string,
): DraftvaultError {
  const span = spanOf(y, node);
  return new DraftvaultError(code, message, { span, frame: codeFrame(y.text, span), hint });
}

/**
 * Turn one schema issue at `base` (the path of the validated value in the file) into an error.
 * `keysAt` lists the allowed keys of a map (for "did you mean"); custom issues may carry their
 * own code in `params.code`.
 */
export function issueToError(
  y: YamlFile,
  base: readonly PropertyKey[],
  issue: z.core.$ZodIssue,
  keysAt: (path: PropertyKey[]) => string[] = () => [],
): DraftvaultError {
  const path = [...base, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const bad = issue.keys[0]!;
    const suggestion = didYouMean(bad, keysAt(issue.path));
    return errorAt(
      y,
      nodeAt(y, [...path, bad], true),
      'E_UNKNOWN_FIELD',
      `unknown field "${bad}"`,
      suggestion ? `did you mean "${suggestion}"?` : `allowed here: ${keysAt(issue.path).join(', ')}`,
    );
  }
  // An item of a list is named after its list: "allow[0]".
  const last = issue.path.at(-1);
  const field =
    typeof last === 'number' ? `${String(issue.path.at(-2) ?? 'item')}[${last}]` : String(last ?? '');
  const missing = valueAt(y, path) === undefined;
  if (issue.code === 'invalid_type' && missing) {
    return errorAt(
      y,
      nodeAt(y, path.slice(0, -1)),
      'E_MISSING_FIELD',
      `missing required field "${field}"`,
      `add ${field}: ... here (your editor completes it with the schema from \`draftvault flows schema\`)`,
    );
  }
  const custom =
    issue.code === 'custom' ? (issue.params as { code?: ErrorCode; hint?: string } | undefined) : undefined;
  const where = field ? `"${field}" ` : '';
  return errorAt(
    y,
    nodeAt(y, path),
    custom?.code ?? 'E_BAD_VALUE',
    `${where}${describeIssue(issue, missing)}`,
    custom?.hint ?? defaultHint(issue, field),
  );
}

/** What to do about a schema problem, when the schema gives no hint of its own. */
function defaultHint(issue: z.core.$ZodIssue, field: string): string {
  const it = field ? `"${field}"` : 'this value';
  switch (issue.code) {
    case 'invalid_type':
      return `write ${it} as ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
    case 'too_big':
      return `change ${it} to fit the bound above`;
    case 'invalid_union':
      return `${it} has a form of its own: see the step's examples (README, "Flows") or let your editor complete it`;
    case 'invalid_format':
      return `write ${it} in the expected format`;
    default:
      // Refinements: the message says which fields go together.
      return 'fix the fields of this map as the message says';
  }
}

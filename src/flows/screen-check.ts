/**
 * `flows check --hierarchy`: the flows' selectors against saved screens (real dumps, failure page
 * sources), under UiAutomator2's rules, with no phone. For each file: which screen it shows
 * (detected from screens.yaml, or told), and for every selector the flows need there how many
 * nodes it finds and with which alternative, under both regex flavours (they must agree). On a
 * screen that is not a pop-up, every watcher must find nothing.
 */
import { readFileSync } from 'node:fs';
import { alternativesFor, type DeviceFacts, describeAlternative } from '../core/selectors.js';
import { type HTree, parseHierarchy } from '../drivers/android/hierarchy.js';
import { matchSelector, resolvesToOne, type SelectorMatch } from '../drivers/android/match.js';
import { FLAVOURS } from '../drivers/android/uiselector.js';
import { DraftvaultError } from '../errors.js';
import type { Screen, ScreenBook } from './screens.js';
import type { NamedSelector } from './selector-file.js';

/** One selector on one screen. */
export interface SelectorCheck {
  name: string;
  role: 'needed' | 'maybe' | 'watcher';
  /** Nodes the winning alternative finds, per regex flavour. */
  count: { device: number; strict: number };
  /** The alternative that matched (in words), per flavour. */
  matched: { device?: string; strict?: string };
  ok: boolean;
  problem?: string;
}

/** One file. */
export interface FileCheck {
  file: string;
  screen?: string;
  how: 'detected' | 'told' | 'unknown';
  checks: SelectorCheck[];
  ok: boolean;
}

function matcher(t: HTree, book: ScreenBook, facts: DeviceFacts, flavour: keyof typeof FLAVOURS) {
  const memo = new Map<string, SelectorMatch>();
  const resolveName = (name: string): SelectorMatch => {
    const hit = memo.get(name);
    if (hit) return hit;
    const sel = book.selectors.byName.get(name)!;
    const m = matchSelector(t, alternativesFor(sel.def, facts), FLAVOURS[flavour], resolveName);
    memo.set(name, m);
    return m;
  };
  return resolveName;
}

function check(
  name: string,
  role: SelectorCheck['role'],
  sel: NamedSelector,
  facts: DeviceFacts,
  m: Record<'device' | 'strict', SelectorMatch>,
): SelectorCheck {
  const alts = alternativesFor(sel.def, facts);
  const say = (x: SelectorMatch) => (x.winner ? describeAlternative(alts[x.winner.index]!) : undefined);
  const count = { device: m.device.winner?.nodes.length ?? 0, strict: m.strict.winner?.nodes.length ?? 0 };
  const matched = { device: say(m.device), strict: say(m.strict) };
  const errors = [...m.device.tried, ...m.strict.tried].map((a) => a.error).filter(Boolean);
  let problem: string | undefined;
  if (role === 'watcher') {
    if (count.device || count.strict)
      problem = `a watcher matches a screen that is not a pop-up (${matched.device ?? matched.strict})`;
  } else if (role === 'maybe' && count.device === 0 && count.strict === 0) {
    problem = undefined;
  } else if (!resolvesToOne(m.device, alts) || !resolvesToOne(m.strict, alts)) {
    problem =
      count.device === 0 && count.strict === 0
        ? 'finds nothing'
        : `finds ${count.device} (device regex) / ${count.strict} (strict regex), not exactly one`;
  } else if (m.device.winner!.picked !== m.strict.winner!.picked)
    problem = 'the two regex flavours pick different nodes';
  if (!problem && errors.length) problem = String(errors[0]);
  return { name, role, count, matched, ok: !problem, ...(problem ? { problem } : {}) };
}

/** Check one saved hierarchy file. `screen` forces the screen instead of detecting it. */
export function checkHierarchy(
  xmlFile: string,
  book: ScreenBook,
  facts: DeviceFacts,
  screen?: string,
): FileCheck {
  return checkScreenXml(readFileSync(xmlFile, 'utf8'), xmlFile, book, facts, screen);
}

/** Check a hierarchy given as text; `file` names it in the result. */
export function checkScreenXml(
  xml: string,
  file: string,
  book: ScreenBook,
  facts: DeviceFacts,
  screen?: string,
): FileCheck {
  const t = parseHierarchy(xml, file);
  const flavours = { device: matcher(t, book, facts, 'device'), strict: matcher(t, book, facts, 'strict') };
  const found = (n: string) => !!flavours.device(n).winner;
  let s: Screen | undefined;
  let how: FileCheck['how'] = 'unknown';
  if (screen) {
    s = book.screens.screens.find((x) => x.name === screen);
    if (!s)
      throw new DraftvaultError('E_USAGE', `no screen "${screen}" in ${book.screens.file}`, {
        hint: `screens: ${book.screens.screens.map((x) => x.name).join(', ')}`,
      });
    how = 'told';
  } else {
    s = book.screens.screens.find((x) =>
      x.noAppWindow ? t.active < 0 : t.active >= 0 && x.detect.every(found) && !x.absent.some(found),
    );
    if (s) how = 'detected';
  }
  const both = (n: string) => ({ device: flavours.device(n), strict: flavours.strict(n) });
  const checks: SelectorCheck[] = [];
  for (const n of s?.needs ?? [])
    checks.push(check(n, 'needed', book.selectors.byName.get(n)!, facts, both(n)));
  for (const n of s?.maybe ?? [])
    checks.push(check(n, 'maybe', book.selectors.byName.get(n)!, facts, both(n)));
  if (!s?.popup) {
    for (const w of book.selectors.watchers)
      checks.push(
        check(w.selector, 'watcher', book.selectors.byName.get(w.selector)!, facts, both(w.selector)),
      );
  }
  return { file, screen: s?.name, how, checks, ok: !!s && checks.every((c) => c.ok) };
}

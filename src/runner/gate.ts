/**
 * The action gate: the one place that decides whether an action may touch the screen.
 *
 * Every action that can activate a control (element taps, coordinate taps, long presses,
 * swipes, raw W3C actions, `mobile:` gestures, typing Enter) is described to {@link ActionGate.check}
 * before it is sent. The gate finds the publish controls on screen (every known label and
 * locale, by text and by content-desc); when the action's point or path touches one, it requires
 * the privacy proof: every "Who can view" row on screen says Only you / Only me, and nothing on
 * screen says the post would be public. Anything that goes wrong while proving refuses the
 * action (fail closed). Nothing in a flow, selector file or config reaches this code.
 */
import { uiQuote } from '../drivers/locators.js';
import { DraftvaultError } from '../errors.js';
import type { Point, Rect } from '../steps/types.js';
import { normaliseText, PUBLIC_PATTERN, PUBLISH_PATTERN, ROW_PATTERN, rowsProvePrivate } from './privacy.js';

/** What the gate may ask the device (read-only). */
export interface GateReader {
  readonly platform: 'android' | 'ios';
  /** Element ids matching a locator (empty when none). */
  findAll(using: string, value: string): Promise<string[]>;
  rect(id: string): Promise<Rect>;
  /** The element's text and its content-desc (Android) or label (iOS). */
  words(id: string): Promise<string[]>;
}

/** An action about to be sent, as the gate sees it. */
export type GatedAction =
  | { kind: 'element'; what: string; elementId: string }
  | { kind: 'pointer'; what: string; paths: Point[][] }
  /** Acts wherever the focus is (Enter in a field): touches every publish control on screen. */
  | { kind: 'anywhere'; what: string };

/** A lookup: W3C strategy + selector. */
interface Lookup {
  using: string;
  value: string;
}

const q = uiQuote;

/**
 * The Android lookup of every node whose text or content-desc matches `pattern` (case-insensitive):
 * one request, a `;`-separated statement per field (the server answers their union).
 */
function androidLookups(pattern: string, fields: ('text' | 'description')[]): Lookup[] {
  const value = fields.map((f) => `new UiSelector().${f}Matches(${q(`(?i)${pattern}`)})`).join(';');
  return [{ using: '-android uiautomator', value }];
}

/** An iOS lookup of every element whose label, name or value matches `pattern`. */
function iosLookup(pattern: string): Lookup[] {
  const p = JSON.stringify(pattern);
  return [
    {
      using: '-ios predicate string',
      value: `label MATCHES[c] ${p} OR name MATCHES[c] ${p} OR value MATCHES[c] ${p}`,
    },
  ];
}

/**
 * The lookups the gate makes, per platform (exported for tests and `flows check`): the publish
 * controls, and the proof: every privacy row and every text saying the post would be public, in
 * one request (each element found is then read and sorted on this side).
 */
export function gateLookups(platform: 'android' | 'ios') {
  const both = ['text', 'description'] as ('text' | 'description')[];
  if (platform === 'ios') {
    const [rows] = iosLookup(ROW_PATTERN);
    const [pub] = iosLookup(PUBLIC_PATTERN);
    return {
      publish: iosLookup(PUBLISH_PATTERN),
      proof: [{ using: rows!.using, value: `(${rows!.value}) OR (${pub!.value})` }],
    };
  }
  const [rows] = androidLookups(ROW_PATTERN, both);
  const [pub] = androidLookups(PUBLIC_PATTERN, ['text']);
  return {
    publish: androidLookups(PUBLISH_PATTERN, both),
    proof: [{ using: rows!.using, value: `${rows!.value};${pub!.value}` }],
  };
}

/** A rectangle grown by `m` pixels on every side. */
function grow(r: Rect, m: number): Rect {
  return { x: r.x - m, y: r.y - m, width: r.width + 2 * m, height: r.height + 2 * m };
}

function inside(p: Point, r: Rect): boolean {
  return p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The zone around a publish control where a touch counts as touching it: the control grown by
 * its own height (a clickable container can be a little larger than its label).
 */
export function touchZone(control: Rect): Rect {
  return grow(control, Math.max(8, Math.round(control.height)));
}

/** Does a finger path (the points while the pointer is down) touch a zone? */
export function pathTouches(path: readonly Point[], zones: readonly Rect[]): boolean {
  for (let i = 0; i < path.length; i++) {
    const a = path[i]!;
    const b = path[i + 1] ?? a;
    // Sample the segment every 8 px: a swipe that crosses a control touches it.
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 8));
    for (let s = 0; s <= steps; s++) {
      const p = { x: a.x + ((b.x - a.x) * s) / steps, y: a.y + ((b.y - a.y) * s) / steps };
      if (zones.some((z) => inside(p, z))) return true;
    }
  }
  return false;
}

/** The gate's refusal: E_PRIVACY_UNPROVEN, the draft is not posted. */
function refusal(what: string, why: string, cause?: unknown): DraftvaultError {
  return new DraftvaultError('E_PRIVACY_UNPROVEN', `refused to ${what}: ${why}`, {
    hint: 'draftvault only touches a Post/Publish control when "Who can view" reads Only you / Only me; nothing was posted',
    cause,
  });
}

/** The one gate. One per device session. */
export class ActionGate {
  constructor(private readonly r: GateReader) {}

  private async all(lookups: Lookup[]): Promise<string[]> {
    const ids = new Set<string>();
    for (const l of lookups) for (const id of await this.r.findAll(l.using, l.value)) ids.add(id);
    return [...ids];
  }

  /** The element ids of the publish controls on screen (a lookup error throws: callers refuse). */
  publishIds(): Promise<string[]> {
    return this.all(gateLookups(this.r.platform).publish);
  }

  /** Let the action through, or throw E_PRIVACY_UNPROVEN. */
  async check(action: GatedAction): Promise<void> {
    let touches: boolean;
    try {
      touches = await this.touchesPublish(action);
    } catch (err) {
      throw refusal(action.what, 'could not check the screen for a Post/Publish control', err);
    }
    if (!touches) return;
    let rows: string[];
    try {
      rows = await this.privacyRows(action.what);
    } catch (err) {
      if (err instanceof DraftvaultError && err.code === 'E_PRIVACY_UNPROVEN') throw err;
      throw refusal(action.what, 'could not read the privacy row', err);
    }
    if (!rowsProvePrivate(rows)) {
      throw refusal(
        action.what,
        rows.length
          ? `the privacy row reads "${rows.join('" / "')}"`
          : 'no privacy row on screen proves the post is private',
      );
    }
  }

  /**
   * Does the action touch a publish control? One lookup decides most actions: no control on
   * screen (let through), or the tapped element is one (the proof is needed). Places are read
   * only when a control is on screen and the action is somewhere else.
   */
  private async touchesPublish(action: GatedAction): Promise<boolean> {
    const ids = await this.publishIds();
    if (ids.length === 0) return false;
    if (action.kind === 'anywhere') return true;
    if (action.kind === 'element' && ids.includes(action.elementId)) return true;
    const controls: Rect[] = [];
    for (const id of ids) controls.push(await this.r.rect(id));
    const zones = controls.map(touchZone);
    if (action.kind === 'pointer') return action.paths.some((p) => pathTouches(p, zones));
    // A finger lands at the element's centre; a container that holds a publish control counts too.
    const r = await this.r.rect(action.elementId);
    const centre = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    return zones.some((z) => inside(centre, z)) || controls.some((c) => overlaps(r, c));
  }

  /**
   * The text of every privacy row on screen (text and desc of each, de-duplicated), from the one
   * proof lookup. Throws E_PRIVACY_UNPROVEN when something on screen says the post would be public,
   * or when an element the lookup found reads as neither (the phone and this code disagree).
   */
  async privacyRows(what = 'tap Post'): Promise<string[]> {
    const rows = new Set<string>();
    const rowRe = new RegExp(`^(?:${ROW_PATTERN})$`, 'isu');
    const pubRe = new RegExp(`^(?:${PUBLIC_PATTERN})$`, 'isu');
    for (const id of await this.all(gateLookups(this.r.platform).proof)) {
      const words = await this.r.words(id);
      // The public test covers what the lookup matched: the text on Android, every field on iOS.
      const said = this.r.platform === 'android' ? words.slice(0, 1) : words;
      if (said.some((w) => pubRe.test(w))) {
        throw refusal(what, `the screen says the post would be public ("${said.join('" / "')}")`);
      }
      let row = false;
      for (const w of words) {
        const t = normaliseText(w);
        if (t && rowRe.test(t)) {
          rows.add(t);
          row = true;
        }
      }
      if (!row) throw refusal(what, `the privacy lookup found "${words.join('" / "')}", not a privacy row`);
    }
    return [...rows];
  }
}

/**
 * A saved Android hierarchy (a `uiautomator dump` or an Appium page source) as draftvault checks
 * selectors against it: its windows, which one is active, and every node with its attributes.
 *
 * In a dump, each child of `<hierarchy>` is one window, top-most first (the 46.6.3 upload badge
 * comes before the feed it floats over). UiAutomator2's `-android uiautomator` lookups search only
 * the active window (notes/uiautomator2.md); the active one is taken to be the top-most window of
 * an app (not the system UI) that is not a small floating overlay.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { DraftvaultError } from '../../errors.js';

/** One node of a saved hierarchy. */
export interface HNode {
  attrs: Record<string, string>;
  children: HNode[];
  parent?: HNode;
  /** Index of its window in `HTree.windows`. */
  window: number;
  /** The XML element (for XPath). */
  el: Element;
}

/** A saved hierarchy. */
export interface HTree {
  /** Window roots, top-most first. */
  windows: HNode[];
  /** Index of the active window, or -1 when no app window is shown (e.g. while launching). */
  active: number;
  /** Every node in document order. */
  nodes: HNode[];
  /** The XML document's root element (`hierarchy`). */
  root: Element;
  /** The screen size, from the largest window. */
  width: number;
  height: number;
}

/** `[l,t][r,b]` → numbers. */
export function parseBounds(b: string | undefined): [number, number, number, number] {
  const m = /^\[(-?\d+),(-?\d+)\]\[(-?\d+),(-?\d+)\]$/.exec(b ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] : [0, 0, 0, 0];
}

function area(n: HNode): number {
  const [l, t, r, b] = parseBounds(n.attrs.bounds);
  return Math.max(0, r - l) * Math.max(0, b - t);
}

/** Parse a saved hierarchy; `file` names it in errors. */
export function parseHierarchy(xml: string, file: string): HTree {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => level !== 'warning' && errors.push(msg),
  }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (errors.length || !root || root.tagName !== 'hierarchy') {
    throw new DraftvaultError('E_BAD_FILE', `${file} is not a UiAutomator hierarchy`, {
      hint: 'give an XML file from `uiautomator dump`, Appium Inspector or `failure-page-source.xml`',
      details: { problems: errors.slice(0, 3) },
    });
  }
  const nodes: HNode[] = [];
  const build = (el: Element, window: number, parent?: HNode): HNode => {
    const attrs: Record<string, string> = {};
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes.item(i)!;
      attrs[a.name] = a.value;
    }
    // Appium's page source names the element after its class; a dump has <node class="...">.
    attrs.class ??= el.tagName;
    const node: HNode = { attrs, children: [], parent, window, el };
    nodes.push(node);
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) node.children.push(build(c as Element, window, node));
    }
    return node;
  };
  const windows: HNode[] = [];
  for (let c = root.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) windows.push(build(c as Element, windows.length));
  }
  const largest = Math.max(0, ...windows.map(area));
  const [, , width, height] = parseBounds(windows.find((w) => area(w) === largest)?.attrs.bounds);
  // Floating overlays (the upload badge, toasts) are small: under a tenth of the screen.
  const active = windows.findIndex(
    (w) => w.attrs.package !== 'com.android.systemui' && area(w) >= largest / 10,
  );
  return { windows, active, nodes, root, width, height };
}

/** The nodes of one window, in document order. */
export function windowNodes(t: HTree, window: number): HNode[] {
  return t.nodes.filter((n) => n.window === window);
}

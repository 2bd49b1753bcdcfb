/**
 * The simulated screen as a tree of UI nodes, in the terms UiAutomator2 uses. Screens build it
 * from the app state; the driver serialises it (page source), searches it (locators) and hit-tests
 * it (taps). Nodes are plain data plus the action a tap on them dispatches.
 */

/** What a tap (or long press, or typing) on a node asks the app to do. */
export type Action = { type: string } & Record<string, unknown>;

/** [left, top, right, bottom] in screen pixels. */
export type Bounds = readonly [number, number, number, number];

/** One node of the hierarchy. */
export interface UiNode {
  /** Android class, e.g. `android.widget.Button`. */
  cls: string;
  pkg: string;
  /** Full resource-id (`pkg:id/x`) or empty. */
  id?: string;
  text?: string;
  desc?: string;
  hint?: string;
  bounds: Bounds;
  clickable?: boolean;
  longClickable?: boolean;
  checkable?: boolean;
  checked?: boolean;
  enabled?: boolean;
  focusable?: boolean;
  focused?: boolean;
  scrollable?: boolean;
  selected?: boolean;
  password?: boolean;
  /** Not in the accessibility tree (e.g. an overlay only a screenshot shows). */
  hidden?: boolean;
  /** Absorbs touches even without an action (scrims, sheets, dialogs). */
  blocksTouches?: boolean;
  /** Dispatched on tap. */
  tap?: Action;
  longPress?: Action;
  /** For editable fields: the action `setValue` dispatches, with `text` added. */
  input?: Action;
  /** Fill colour for screenshots (RGB). */
  color?: readonly [number, number, number];
  children?: UiNode[];
  /** Stable identity within a screen instance (assigned by {@link finalize} when not given). */
  key?: string;
  /** Set on the children of the `hierarchy` root only: what kind of window this is (ui/windows.ts). */
  window?: WindowInfo;
}

/**
 * A window of the screen, as Android's accessibility sees it (ui/windows.ts): which one has the
 * focus (the "active" window UiAutomator2 searches), and which are left out of the tree.
 */
export interface WindowInfo {
  kind: 'app' | 'popup' | 'overlay' | 'toast' | 'ime' | 'system' | 'launcher' | 'system-alert';
  /** The window with input focus: the one `-android uiautomator` searches. */
  active?: boolean;
  /** Drawn (screenshots, touches) but absent from every tree, e.g. the screen under a pop-up. */
  covered?: boolean;
}

/** A node with its place in the tree (after {@link finalize}). */
export interface PlacedNode {
  node: UiNode;
  key: string;
  parent: PlacedNode | undefined;
  index: number;
  depth: number;
  /** The window (a child of the root) the node belongs to; undefined for the root itself. */
  window: UiNode | undefined;
}

/** Flatten the tree in drawing order (pre-order: later nodes are drawn on top), assigning keys. */
export function finalize(root: UiNode): PlacedNode[] {
  const out: PlacedNode[] = [];
  const walk = (node: UiNode, parent: PlacedNode | undefined, index: number, depth: number) => {
    if (node.hidden || node.window?.covered) return;
    const key = node.key ?? (parent ? `${parent.key}/${index}` : 'root');
    const window = depth === 1 ? node : parent?.window;
    const placed: PlacedNode = { node, key, parent, index, depth, window };
    out.push(placed);
    for (const [i, c] of (node.children ?? []).entries()) walk(c, placed, i, depth + 1);
  };
  walk(root, undefined, 0, 0);
  return out;
}

/**
 * Every node including hidden ones, in drawing order (what the screen shows and touches hit).
 * The root lists its windows top-most first, as a uiautomator dump does (the 46.6.3 badge window
 * comes before the feed in tt4663_en_publish_uploading.xml), so they are drawn last to first.
 */
export function drawOrder(root: UiNode): UiNode[] {
  const out: UiNode[] = [];
  const walk = (n: UiNode) => {
    out.push(n);
    const kids = n.children ?? [];
    for (const c of n.cls === 'hierarchy' ? [...kids].reverse() : kids) walk(c);
  };
  walk(root);
  return out;
}

/** Does the point lie inside the bounds? */
export function contains(b: Bounds, x: number, y: number): boolean {
  return x >= b[0] && x < b[2] && y >= b[1] && y < b[3];
}

/** The centre of a node. */
export function center(b: Bounds): [number, number] {
  return [Math.floor((b[0] + b[2]) / 2), Math.floor((b[1] + b[3]) / 2)];
}

/**
 * What a finger at (x, y) touches: the topmost node that has an action or blocks touches,
 * including hidden overlays. Undefined when the touch falls through to nothing.
 */
export function hitTest(
  root: UiNode,
  x: number,
  y: number,
  kind: 'tap' | 'longPress' = 'tap',
): UiNode | undefined {
  const nodes = drawOrder(root);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (!contains(n.bounds, x, y)) continue;
    if (n[kind] || n.blocksTouches || (kind === 'longPress' && n.tap)) return n;
  }
  return undefined;
}

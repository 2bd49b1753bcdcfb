/**
 * The page source as UiAutomator2 returns it: tags are class names, attributes as in the real
 * server's XML (index, package, class, text, resource-id, content-desc, bounds, ...).
 */
import { DOMImplementation, type Element, XMLSerializer } from '@xmldom/xmldom';
import type { PlacedNode, UiNode } from './node.js';

/** A serialised hierarchy, with the way back from XML elements to nodes. */
export interface XmlTree {
  xml: string;
  root: Element;
  nodeOf: Map<Element, PlacedNode>;
}

const b = (v: boolean | undefined) => (v ? 'true' : 'false');

function attributes(n: UiNode, index: number): [string, string][] {
  const [l, t, r, btm] = n.bounds;
  return [
    ['index', String(index)],
    ['package', n.pkg],
    ['class', n.cls],
    ['text', n.text ?? ''],
    ['resource-id', n.id ?? ''],
    ['checkable', b(n.checkable)],
    ['checked', b(n.checked)],
    ['clickable', b(n.clickable)],
    ['enabled', b(n.enabled ?? true)],
    ['focusable', b(n.focusable ?? n.clickable)],
    ['focused', b(n.focused)],
    ['long-clickable', b(n.longClickable)],
    ['password', b(n.password)],
    ['scrollable', b(n.scrollable)],
    ['selected', b(n.selected)],
    ['bounds', `[${l},${t}][${r},${btm}]`],
    ['displayed', 'true'],
    ['content-desc', n.desc ?? ''],
    ['hint', n.hint ?? ''],
  ];
}

/** Build the XML document for placed nodes (from `finalize`). */
export function toAndroidXml(placed: PlacedNode[], width: number, height: number): XmlTree {
  const doc = new DOMImplementation().createDocument(null, 'hierarchy', null);
  const root = doc.documentElement!;
  for (const [k, v] of [
    ['index', '0'],
    ['class', 'hierarchy'],
    ['rotation', '0'],
    ['width', String(width)],
    ['height', String(height)],
  ]) {
    root.setAttribute(k!, v!);
  }
  const nodeOf = new Map<Element, PlacedNode>();
  const elOf = new Map<PlacedNode, Element>();
  for (const p of placed) {
    if (p.node.cls === 'hierarchy') {
      nodeOf.set(root, p);
      elOf.set(p, root);
      continue;
    }
    const el = doc.createElement(p.node.cls);
    for (const [k, v] of attributes(p.node, p.index)) el.setAttribute(k, v);
    (p.parent ? elOf.get(p.parent)! : root).appendChild(el);
    nodeOf.set(el, p);
    elOf.set(p, el);
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>${new XMLSerializer().serializeToString(doc)}`;
  return { xml, root, nodeOf };
}

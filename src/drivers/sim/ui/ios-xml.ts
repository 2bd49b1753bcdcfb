/**
 * The page source as the XCUITest driver returns it (XCUIElementType* tags; name, label, value,
 * enabled, visible, x/y/width/height in points). No real iOS TikTok hierarchy is public
 * (tiktok-ui.md B.5), so this follows the INFERRED option there: the same screens with
 * XCUITest types, and the visible label (or content-desc) as the accessibility name.
 */
import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom';
import type { XmlTree } from './android-xml.js';
import type { PlacedNode, UiNode } from './node.js';

/** Pixels per point of the simulated iPhone (1080 px wide → 360 pt). */
export const IOS_SCALE = 3;

const TYPES: Record<string, string> = {
  'android.widget.Button': 'XCUIElementTypeButton',
  'android.widget.TextView': 'XCUIElementTypeStaticText',
  'android.widget.ImageView': 'XCUIElementTypeImage',
  'android.widget.EditText': 'XCUIElementTypeTextView',
  'android.widget.Switch': 'XCUIElementTypeSwitch',
  'android.widget.CheckBox': 'XCUIElementTypeButton',
  'android.widget.ScrollView': 'XCUIElementTypeScrollView',
  'android.widget.HorizontalScrollView': 'XCUIElementTypeScrollView',
  'androidx.recyclerview.widget.RecyclerView': 'XCUIElementTypeCollectionView',
  'android.widget.GridView': 'XCUIElementTypeCollectionView',
  'android.widget.Toast': 'XCUIElementTypeStaticText',
};

/** The XCUITest type of a node. */
export function iosType(n: UiNode, parentCls?: string): string {
  if (n.cls === 'hierarchy') return 'XCUIElementTypeApplication';
  // Nodes only the iPhone has (its system alert) are built with their XCUITest type.
  if (n.cls.startsWith('XCUIElementType')) return n.cls;
  const inGrid =
    parentCls === 'android.widget.GridView' || parentCls === 'androidx.recyclerview.widget.RecyclerView';
  if (inGrid && n.tap) return 'XCUIElementTypeCell';
  return TYPES[n.cls] ?? 'XCUIElementTypeOther';
}

/** name / label / value as XCUITest reports them. */
export function iosAttrs(n: UiNode): { name: string; label: string; value: string } {
  const type = n.cls.startsWith('XCUIElementType') ? n.cls : (TYPES[n.cls] ?? 'XCUIElementTypeOther');
  const label = n.desc || n.text || '';
  if (type === 'XCUIElementTypeSwitch') return { name: label, label, value: n.checked ? '1' : '0' };
  if (type === 'XCUIElementTypeTextView') return { name: '', label: n.hint ?? '', value: n.text ?? '' };
  return { name: label, label, value: type === 'XCUIElementTypeStaticText' ? (n.text ?? '') : '' };
}

/**
 * XCUITest's `visible`: false for an element outside the screen (a grid cell scrolled away, the
 * share row's items past its edge), as WebDriverAgent reports it from the element's frame; the
 * root's bounds are the screen.
 */
export function iosVisible(p: PlacedNode): boolean {
  let root = p;
  while (root.parent) root = root.parent;
  const [sl, st, sr, sb] = root.node.bounds;
  const [l, t, r, b] = p.node.bounds;
  return r > l && b > t && r > sl && b > st && l < sr && t < sb;
}

/** Build the XCUITest-shaped document for placed nodes. */
export function toIosXml(placed: PlacedNode[], appName: string): XmlTree {
  const doc = new DOMImplementation().createDocument(null, 'AppiumAUT', null);
  const aut = doc.documentElement!;
  const nodeOf = new Map<import('@xmldom/xmldom').Element, PlacedNode>();
  const elOf = new Map<PlacedNode, import('@xmldom/xmldom').Element>();
  for (const p of placed) {
    const n = p.node;
    const type = iosType(n, p.parent?.node.cls);
    const el = doc.createElement(type);
    const { name, label, value } =
      n.cls === 'hierarchy' ? { name: appName, label: appName, value: '' } : iosAttrs(n);
    const [l, t, r, b] = n.bounds.map((v) => Math.round(v / IOS_SCALE));
    const attrs: [string, string][] = [
      ['type', type],
      ['name', name],
      ['label', label],
      ['value', value],
      ['enabled', String(n.enabled ?? true)],
      ['visible', String(iosVisible(p))],
      ['accessible', String(!!(name || label))],
      ['x', String(l)],
      ['y', String(t)],
      ['width', String(r! - l!)],
      ['height', String(b! - t!)],
      ['index', String(p.index)],
    ];
    for (const [k, v] of attrs) if (v !== '' || k === 'value') el.setAttribute(k, v);
    (p.parent ? elOf.get(p.parent)! : aut).appendChild(el);
    nodeOf.set(el, p);
    elOf.set(p, el);
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>${new XMLSerializer().serializeToString(doc)}`;
  return { xml, root: aut, nodeOf };
}

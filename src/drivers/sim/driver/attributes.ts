/** Element attributes with UiAutomator2's (or, on the simulated iPhone, XCUITest's) names and values. */
import { iosAttrs, iosType, iosVisible } from '../ui/ios-xml.js';
import type { PlacedNode, UiNode } from '../ui/node.js';

/** An attribute as XCUITest returns it. */
export function iosAttribute(p: PlacedNode, name: string): string | null {
  const a = iosAttrs(p.node);
  switch (name) {
    case 'type':
      return iosType(p.node, p.parent?.node.cls);
    case 'name':
      return a.name || null;
    case 'label':
      return a.label || null;
    case 'value':
      return a.value;
    case 'enabled':
      return String(p.node.enabled ?? true);
    case 'visible':
      return String(iosVisible(p));
    case 'accessible':
      return 'true';
    case 'selected':
      return String(!!(p.node.selected || p.node.checked));
    default:
      return null;
  }
}

const s = (v: boolean | undefined) => String(!!v);

/** The attribute `name` of a node, as the UiAutomator2 driver returns it (null when unknown). */
export function elementAttribute(n: UiNode, name: string): string | null {
  switch (name) {
    case 'text':
      return n.text ?? '';
    case 'content-desc':
    case 'contentDescription':
      return n.desc ?? null;
    case 'resource-id':
    case 'resourceId':
      return n.id ?? null;
    case 'class':
    case 'className':
      return n.cls;
    case 'package':
      return n.pkg;
    case 'hint':
      return n.hint ?? null;
    case 'bounds': {
      const [l, t, r, b] = n.bounds;
      return `[${l},${t}][${r},${b}]`;
    }
    case 'checkable':
      return s(n.checkable);
    case 'checked':
      return s(n.checked);
    case 'clickable':
      return s(n.clickable);
    case 'enabled':
      return String(n.enabled ?? true);
    case 'focusable':
      return s(n.focusable ?? n.clickable);
    case 'focused':
      return s(n.focused);
    case 'long-clickable':
    case 'longClickable':
      return s(n.longClickable);
    case 'scrollable':
      return s(n.scrollable);
    case 'selected':
      return s(n.selected);
    case 'password':
      return s(n.password);
    case 'displayed':
      return 'true';
    default:
      return null;
  }
}

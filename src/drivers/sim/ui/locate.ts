/**
 * Locator strategies over the rendered tree, with the semantics of the real drivers:
 * `id` (a bare id gets the app package, as UiAutomator2 does), `accessibility id` (content-desc),
 * `class name`, `xpath` (over the same XML the page source returns) and `-android uiautomator`.
 */
import xpath from 'xpath';
import type { XmlTree } from './android-xml.js';
import { classChain, IosLocatorError, parsePredicate } from './ios-locators.js';
import { iosAttrs, iosType } from './ios-xml.js';
import { FLAVOURS, type RegexFlavour } from './java-regex.js';
import type { PlacedNode } from './node.js';
import { parseUiSelectors, UiSelectorError } from './uiselector.js';

/** A selector the strategy cannot parse (W3C "invalid selector"). */
export class InvalidSelectorError extends Error {}

/** Strategies this driver answers (others get "invalid selector"). */
export const ANDROID_STRATEGIES = [
  'id',
  'accessibility id',
  'class name',
  'xpath',
  '-android uiautomator',
] as const;

/** Strategies on the simulated iPhone (as the XCUITest driver). */
export const IOS_STRATEGIES = [
  'id',
  'name',
  'accessibility id',
  'class name',
  'xpath',
  '-ios predicate string',
  '-ios class chain',
] as const;

function xpathNodes(selector: string, t: XmlTree): PlacedNode[] {
  let result: unknown;
  try {
    result = xpath.select(selector, t.root as unknown as Node);
  } catch (err) {
    throw new InvalidSelectorError(`invalid xpath ${selector}: ${(err as Error).message}`);
  }
  const els = Array.isArray(result) ? result : [];
  return els
    .map((e) => t.nodeOf.get(e as never))
    .filter((p): p is PlacedNode => !!p && p.node.cls !== 'hierarchy');
}

/** Find nodes on the simulated iPhone. */
export function locateIos(
  strategy: string,
  selector: string,
  placed: PlacedNode[],
  tree: () => XmlTree,
): PlacedNode[] {
  const visible = placed.filter((p) => p.node.cls !== 'hierarchy');
  try {
    switch (strategy) {
      case 'id':
      case 'name':
      case 'accessibility id':
        return visible.filter((p) => iosAttrs(p.node).name === selector);
      // WebDriverAgent includes the element searched from (the application) in class-name and
      // predicate searches ("Include self element into predicate search", XCUIElement+FBFind.m).
      case 'class name':
        return placed.filter((p) => iosType(p.node, p.parent?.node.cls) === selector);
      case 'xpath':
        return xpathNodes(selector, tree());
      case '-ios predicate string':
        return placed.filter(parsePredicate(selector));
      case '-ios class chain':
        return classChain(selector, placed).filter((p) => p.node.cls !== 'hierarchy');
      default:
        throw new InvalidSelectorError(`locator strategy "${strategy}" is not supported on iOS`);
    }
  } catch (err) {
    if (err instanceof IosLocatorError) throw new InvalidSelectorError(err.message);
    throw err;
  }
}

/** Find nodes by a W3C/Appium locator. `scrolls` is set when UiScrollable asked to scroll. */
export function locate(
  strategy: string,
  selector: string,
  placed: PlacedNode[],
  tree: () => XmlTree,
  appPackage: string,
  flavour: RegexFlavour = FLAVOURS.strict,
): { nodes: PlacedNode[]; scrollIntoView: boolean } {
  const visible = placed.filter((p) => p.node.cls !== 'hierarchy');
  switch (strategy) {
    case 'id': {
      const full = selector.includes(':id/') ? selector : `${appPackage}:id/${selector}`;
      return { nodes: visible.filter((p) => p.node.id === full), scrollIntoView: false };
    }
    case 'accessibility id':
      return { nodes: visible.filter((p) => p.node.desc === selector), scrollIntoView: false };
    case 'class name':
      return { nodes: visible.filter((p) => p.node.cls === selector), scrollIntoView: false };
    case 'xpath':
      return { nodes: xpathNodes(selector, tree()), scrollIntoView: false };
    case '-android uiautomator': {
      let statements: ReturnType<typeof parseUiSelectors>;
      try {
        statements = parseUiSelectors(selector, flavour);
      } catch (err) {
        if (err instanceof UiSelectorError) throw new InvalidSelectorError(err.message);
        throw err;
      }
      // Each statement's matches in turn, a node found twice kept once (the server's union).
      const nodes: PlacedNode[] = [];
      for (const parsed of statements) {
        for (const p of parsed.find(visible)) if (!nodes.includes(p)) nodes.push(p);
      }
      return { nodes, scrollIntoView: statements.some((p) => p.scrollIntoView) };
    }
    default:
      throw new InvalidSelectorError(`locator strategy "${strategy}" is not supported on Android`);
  }
}

/**
 * Finds raw activating WebdriverIO/Appium calls in TypeScript source, by its syntax tree (so
 * comments and look-alike names such as commander's `.action(fn)` or `Object.keys` do not
 * count): clicks, W3C actions, touch actions, key input, `mobile:` gestures, and raw HTTP paths
 * to the WebDriver action endpoints. The structural test runs it over src/: only the gate's
 * device facade may send these.
 */
import ts from 'typescript';

/** WebdriverIO / WebDriver / Appium client commands that touch or type; no draftvault API has these names. */
const RAW = new Set([
  'click',
  'doubleClick',
  'elementClick',
  'performActions',
  'touchAction',
  'touchPerform',
  'touchClick',
  'touchDown',
  'touchUp',
  'touchMove',
  'touchScroll',
  'touchFlick',
  'touchLongClick',
  'touchDoubleClick',
  'elementSendKeys',
  'sendKeys',
  'keys',
  'addValue',
  'setValue',
  'dragAndDrop',
  'moveTo',
  'buttonDown',
  'buttonUp',
  'positionClick',
  'scrollIntoView',
  'pressKeyCode',
  'longPressKeyCode',
  'sendKeyEvent',
  'pinch',
  'zoom',
]);
/** Names the gated Device facade shares with WebdriverIO: allowed only on a `device` receiver. */
const DEVICE_ONLY = new Set(['tap', 'tapAt', 'swipe', 'longPress', 'actions', 'mobileGesture']);
const EXECUTE = new Set(['execute', 'executeScript', 'executeAsync', 'executeAsyncScript']);
/**
 * `mobile:` commands that touch, press or type, by the words of their camelCase name (so
 * `listApps` is not a "tap", while `doubleTap`, `pressKey` and `touchAndHold` are).
 */
const GESTURE_WORDS =
  /^(gesture|tap|taps|click|swipe|scroll|drag|fling|pinch|press|touch|rotate|key|keys|keyboard|type|hold)$/;
const isGesture = (name: string) =>
  name.split(/(?=[A-Z])|[^A-Za-z]+/).some((w) => GESTURE_WORDS.test(w.toLowerCase()));
/** Raw HTTP to the WebDriver endpoints that act. */
const ENDPOINT = /session\/.*\/(actions|click|keys|touch\/|appium\/(tap|element\/[^/]*\/value))/;

/** One raw activating call found. */
export interface RawAction {
  file: string;
  line: number;
  text: string;
}

function literal(n: ts.Node | undefined): string | undefined {
  return n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined;
}

/** Why this call is a raw activating call, or undefined. */
function why(call: ts.CallExpression, sf: ts.SourceFile): string | undefined {
  const callee = call.expression;
  let name: string | undefined;
  let receiver = '';
  if (ts.isPropertyAccessExpression(callee)) {
    name = callee.name.text;
    receiver = callee.expression.getText(sf);
  } else if (ts.isElementAccessExpression(callee)) {
    name = literal(callee.argumentExpression);
    receiver = callee.expression.getText(sf);
  }
  if (!name) return undefined;
  // `Object.keys(o)` and `map.keys()` are not WebdriverIO's `keys(value)`.
  if (RAW.has(name) && !(name === 'keys' && (receiver === 'Object' || call.arguments.length === 0)))
    return name;
  // commander's `.action(fn)` is not WebdriverIO's `action('pointer' | 'key' | 'wheel')`.
  if (name === 'action' && /^(pointer|key|wheel)$/.test(literal(call.arguments[0]) ?? '')) return name;
  if (DEVICE_ONLY.has(name) && !/(^|\.)device$/.test(receiver)) return `${name} outside the Device facade`;
  if (EXECUTE.has(name)) {
    const script = literal(call.arguments[0]);
    if (script === undefined && call.arguments[0] && !ts.isFunctionLike(call.arguments[0]))
      return `${name} of a script built at run time`;
    if (script?.trim().startsWith('mobile:') && isGesture(script.trim().replace(/^mobile:\s*/, '')))
      return script;
  }
  return undefined;
}

/** Every raw activating call in `text` (TypeScript source of `file`). */
export function rawActions(file: string, text: string): RawAction[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: RawAction[] = [];
  const add = (n: ts.Node, what: string) =>
    found.push({
      file,
      line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1,
      text: `${what}: ${n.getText(sf).split('\n')[0]}`,
    });
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const w = why(n, sf);
      if (w) add(n, w);
    }
    // A path written whole, as a template, or glued with + (read as written, names included).
    const glued =
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind === ts.SyntaxKind.PlusToken &&
      !(ts.isBinaryExpression(n.parent) && n.parent.operatorToken.kind === ts.SyntaxKind.PlusToken);
    const s = literal(n) ?? (ts.isTemplateExpression(n) || glued ? n.getText(sf) : undefined);
    if (s !== undefined && ENDPOINT.test(s)) add(n, 'a WebDriver action endpoint');
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

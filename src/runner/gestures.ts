/**
 * `mobile:` gesture commands (UiAutomator2 and XCUITest names) as finger paths for the action
 * gate. A gesture over an area (swipe, scroll, fling, pinch) is taken to touch its whole area:
 * the gate cannot know which part of it the driver's finger crosses. A name not listed here is
 * refused outright, so no gesture reaches the phone unchecked.
 */
import type { Point, Rect } from '../steps/types.js';

type Args = Record<string, unknown>;
type RectOf = (elementId: string) => Promise<Rect>;

const POINT = new Set([
  'mobile: clickGesture',
  'mobile: longClickGesture',
  'mobile: doubleClickGesture',
  'mobile: tap',
  'mobile: doubleTap',
  'mobile: touchAndHold',
  'mobile: twoFingerTap',
  'mobile: tapWithNumberOfTaps',
  'mobile: forcePress',
]);
const DRAG = new Set([
  'mobile: dragGesture',
  'mobile: dragFromToForDuration',
  'mobile: dragFromToWithVelocity',
]);
const AREA = new Set([
  'mobile: swipeGesture',
  'mobile: scrollGesture',
  'mobile: flingGesture',
  'mobile: pinchOpenGesture',
  'mobile: pinchCloseGesture',
  'mobile: swipe',
  'mobile: scroll',
  'mobile: pinch',
  'mobile: rotateElement',
]);

/** Every gesture name the device facade accepts. */
export const MOBILE_GESTURES: readonly string[] = [...POINT, ...DRAG, ...AREA];

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function elementOf(a: Args): string | undefined {
  const e = a.elementId ?? a.element;
  return typeof e === 'string' ? e : undefined;
}

/** The rectangle of an area gesture: its element, or left/top/width/height. */
async function areaOf(a: Args, rectOf: RectOf): Promise<Rect> {
  const el = elementOf(a);
  if (el) return rectOf(el);
  const [x, y, width, height] = [num(a.left), num(a.top), num(a.width), num(a.height)];
  if (x === undefined || y === undefined || width === undefined || height === undefined)
    throw new Error('an area gesture needs elementId or left/top/width/height');
  return { x, y, width, height };
}

/** The corners and centre of a rectangle, as a closed path over it. */
function cover(r: Rect): Point[] {
  const c = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  const tl = { x: r.x, y: r.y };
  const br = { x: r.x + r.width - 1, y: r.y + r.height - 1 };
  return [tl, { x: br.x, y: tl.y }, br, { x: tl.x, y: br.y }, tl, c, br];
}

/** The finger paths of a `mobile:` gesture; throws for names and shapes it does not know. */
export async function gesturePaths(name: string, a: Args, rectOf: RectOf): Promise<Point[][]> {
  const el = elementOf(a);
  if (POINT.has(name)) {
    const x = num(a.x);
    const y = num(a.y);
    if (el) {
      const r = await rectOf(el);
      // With an element, x/y (when given) are offsets from its top-left corner.
      return [[x !== undefined && y !== undefined ? { x: r.x + x, y: r.y + y } : centre(r)]];
    }
    if (x === undefined || y === undefined) throw new Error(`${name} needs elementId or x and y`);
    return [[{ x, y }]];
  }
  if (DRAG.has(name)) {
    const from = { x: num(a.startX ?? a.fromX), y: num(a.startY ?? a.fromY) };
    const to = { x: num(a.endX ?? a.toX), y: num(a.endY ?? a.toY) };
    if (from.x === undefined || from.y === undefined || to.x === undefined || to.y === undefined) {
      if (el) return [cover(await rectOf(el))];
      throw new Error(`${name} needs start and end coordinates`);
    }
    const path = [from as Point, to as Point];
    if (el) path.unshift(centre(await rectOf(el)));
    return [path];
  }
  if (AREA.has(name)) return [cover(await areaOf(a, rectOf))];
  throw new Error(`"${name}" is not a gesture draftvault sends`);
}

function centre(r: Rect): Point {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

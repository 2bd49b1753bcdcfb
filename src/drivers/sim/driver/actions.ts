/**
 * W3C pointer actions → gestures the phone understands: tap, long press, swipe.
 * One touch pointer at a time (what flows use); keys and wheel actions are ignored.
 */
import { errors } from '@appium/base-driver';
import type { Bounds } from '../ui/node.js';

/** A finished touch gesture. */
export type Gesture =
  | { kind: 'tap' | 'longPress'; x: number; y: number }
  | { kind: 'swipe'; x: number; y: number; x2: number; y2: number; ms: number };

interface PointerAction {
  type: string;
  x?: number;
  y?: number;
  duration?: number;
  origin?: unknown;
}

const LONG_PRESS_MS = 500;
const SLOP_PX = 20;

/** Parse W3C action sequences; `boundsOf` resolves an element origin. */
export function parseActions(sequences: unknown[], boundsOf: (el: unknown) => Bounds): Gesture[] {
  const out: Gesture[] = [];
  for (const seq of sequences as { type?: string; actions?: PointerAction[] }[]) {
    if (seq.type !== 'pointer') continue;
    let x = 0;
    let y = 0;
    let down: { x: number; y: number; t: number } | undefined;
    let t = 0;
    for (const a of seq.actions ?? []) {
      if (a.type === 'pause') t += a.duration ?? 0;
      else if (a.type === 'pointerMove') {
        const [ox, oy] = origin(a.origin, x, y, boundsOf);
        x = Math.round(ox + (a.x ?? 0));
        y = Math.round(oy + (a.y ?? 0));
        t += a.duration ?? 0;
      } else if (a.type === 'pointerDown') down = { x, y, t };
      else if (a.type === 'pointerUp') {
        if (!down) throw new errors.InvalidArgumentError('pointerUp without pointerDown');
        const ms = t - down.t;
        const moved = Math.hypot(x - down.x, y - down.y) > SLOP_PX;
        if (moved) out.push({ kind: 'swipe', x: down.x, y: down.y, x2: x, y2: y, ms });
        else out.push({ kind: ms >= LONG_PRESS_MS ? 'longPress' : 'tap', x: down.x, y: down.y });
        down = undefined;
      }
    }
  }
  return out;
}

function origin(o: unknown, x: number, y: number, boundsOf: (el: unknown) => Bounds): [number, number] {
  if (o === undefined || o === 'viewport') return [0, 0];
  if (o === 'pointer') return [x, y];
  const b = boundsOf(o);
  return [Math.floor((b[0] + b[2]) / 2), Math.floor((b[1] + b[3]) / 2)];
}

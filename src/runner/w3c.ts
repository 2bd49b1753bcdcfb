/**
 * W3C pointer actions: build the sequences draftvault sends (tap, long press, swipe), and read
 * any sequence back into finger paths for the action gate. A path is every point the finger
 * passes while it is down, so a gesture of any shape can be checked against publish controls.
 */
import type { Point, Rect, W3CActionSequence } from '../steps/types.js';

const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** A touch sequence: down at `from`, optionally hold, move to `to` over `ms`, up. */
export function touchSequence(from: Point, to: Point = from, ms = 0, holdMs = 0): W3CActionSequence {
  const actions: Record<string, unknown>[] = [
    { type: 'pointerMove', duration: 0, x: Math.round(from.x), y: Math.round(from.y) },
    { type: 'pointerDown', button: 0 },
  ];
  if (holdMs > 0) actions.push({ type: 'pause', duration: holdMs });
  if (to.x !== from.x || to.y !== from.y)
    actions.push({ type: 'pointerMove', duration: ms, x: Math.round(to.x), y: Math.round(to.y) });
  actions.push({ type: 'pointerUp', button: 0 });
  return { type: 'pointer', id: 'finger1', parameters: { pointerType: 'touch' }, actions };
}

/** The element id in a W3C origin (`{ "element-6066-…": id }`), if it is one. */
function originElement(o: unknown): string | undefined {
  if (!o || typeof o !== 'object') return undefined;
  const rec = o as Record<string, unknown>;
  const id = rec[ELEMENT_KEY] ?? rec.ELEMENT ?? rec.elementId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Does typed text hold a key that can act beyond the field: a line break, or any WebDriver key
 * code (U+E000..U+E05F: Enter U+E007, Return U+E006, Tab, arrows...)? Enter submits wherever the
 * focus is; Tab then Space presses whatever button the focus lands on.
 */
export function hasActingKey(text: string): boolean {
  return /[\r\n\uE000-\uE05F]/u.test(text);
}

/**
 * Do the sequences press any key? Key actions land wherever the focus is (a button takes Enter
 * or Space as a press), and draftvault itself never sends them, so any key press counts.
 */
export function pressesKeys(sequences: readonly W3CActionSequence[]): boolean {
  return sequences.some((s) => s.type === 'key' && s.actions.some((a) => a.type === 'keyDown'));
}

/**
 * The finger paths of W3C action sequences (pointer sources only; keys and wheels cannot touch).
 * `rectOf` resolves element origins. Unknown shapes throw: the gate refuses what it cannot read.
 */
export async function pointerPaths(
  sequences: readonly W3CActionSequence[],
  rectOf: (elementId: string) => Promise<Rect>,
): Promise<Point[][]> {
  const paths: Point[][] = [];
  for (const seq of sequences) {
    if (seq.type === 'key' || seq.type === 'none') continue;
    if (seq.type !== 'pointer') throw new Error(`unknown input source type "${String(seq.type)}"`);
    let at: Point = { x: 0, y: 0 };
    let down: Point[] | undefined;
    for (const a of seq.actions) {
      switch (a.type) {
        case 'pointerMove': {
          const x = Number(a.x ?? 0);
          const y = Number(a.y ?? 0);
          if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error('pointerMove without numeric x/y');
          const el = originElement(a.origin);
          if (el) {
            const r = await rectOf(el);
            at = { x: r.x + r.width / 2 + x, y: r.y + r.height / 2 + y };
          } else if (a.origin === 'pointer') at = { x: at.x + x, y: at.y + y };
          else if (a.origin === undefined || a.origin === 'viewport') at = { x, y };
          else throw new Error(`unknown pointer origin ${JSON.stringify(a.origin)}`);
          down?.push(at);
          break;
        }
        case 'pointerDown':
          down = [at];
          break;
        case 'pointerUp':
          if (down) paths.push(down);
          down = undefined;
          break;
        case 'pause':
        case 'pointerCancel':
          break;
        default:
          throw new Error(`unknown pointer action "${String(a.type)}"`);
      }
    }
    // A pointer left down still touches the screen.
    if (down) paths.push(down);
  }
  return paths;
}

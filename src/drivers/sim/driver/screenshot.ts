/**
 * A real PNG of the screen at quarter resolution: nodes drawn as filled boxes, including overlays
 * that the page source does not show (so a pixel check can find them, as on a real phone).
 */
import { PNG } from 'pngjs';
import { drawOrder, type UiNode } from '../ui/node.js';
import type { SimDevice } from './device.js';

const SCALE = 4;

function colorOf(n: UiNode): readonly [number, number, number] | undefined {
  if (n.color) return n.color;
  if (n.text === 'Post' || n.text === 'Publier') return [254, 44, 85];
  if (n.cls.endsWith('Button')) return [60, 60, 70];
  if (n.cls.endsWith('TextView')) return [230, 230, 230];
  if (n.cls.endsWith('ImageView')) return [120, 90, 160];
  if (n.cls === 'android.widget.Switch') return n.checked ? [37, 244, 238] : [90, 90, 90];
  return undefined;
}

/** Render the device's current screen to PNG bytes. */
export function screenshotPng(device: SimDevice): Buffer {
  const { width, height } = device.profile;
  const png = new PNG({ width: Math.ceil(width / SCALE), height: Math.ceil(height / SCALE) });
  png.data.fill(0);
  for (let i = 3; i < png.data.length; i += 4) png.data[i] = 255;
  for (const n of drawOrder(device.current().root)) {
    const c = colorOf(n);
    if (!c) continue;
    const [l, t, r, b] = n.bounds.map((v) => Math.floor(v / SCALE));
    for (let y = Math.max(0, t!); y < Math.min(png.height, b!); y++) {
      for (let x = Math.max(0, l!); x < Math.min(png.width, r!); x++) {
        const i = (y * png.width + x) * 4;
        png.data[i] = c[0];
        png.data[i + 1] = c[1];
        png.data[i + 2] = c[2];
      }
    }
  }
  return PNG.sync.write(png);
}

/** One element's part of the screen (`getElementScreenshot`), cut from the full screenshot. */
export function elementPng(device: SimDevice, bounds: readonly number[]): Buffer {
  const full = PNG.sync.read(screenshotPng(device));
  const [l, t, r, b] = bounds.map((v) => Math.floor(v / SCALE));
  const x = Math.max(0, Math.min(l!, full.width - 1));
  const y = Math.max(0, Math.min(t!, full.height - 1));
  const out = new PNG({
    width: Math.max(1, Math.min(r!, full.width) - x),
    height: Math.max(1, Math.min(b!, full.height) - y),
  });
  PNG.bitblt(full, out, x, y, out.width, out.height, 0, 0);
  return PNG.sync.write(out);
}

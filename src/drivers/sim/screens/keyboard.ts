/**
 * The on-screen keyboard: the input method's own window, never the active one (UiAutomator2
 * lists it as a window of its own: appium-uiautomator2-driver, docs/android-multiwindow.md,
 * "System windows: On-screen keyboards"). It opens when the caption field is tapped, never when
 * its text is set (tiktok-ui.md C.14: the server's set-text is ACTION_SET_TEXT, not a tap), and
 * covers the lower screen, so a touch there lands on a key.
 */
import { top } from '../model/state.js';
import type { UiNode } from '../ui/node.js';
import { C, type ScreenCtx } from './build.js';

/** The input method of a stock Android phone (Gboard). */
export const IME_PACKAGE = 'com.google.android.inputmethod.latin';

/** Is the keyboard up? (what `isKeyboardShown` answers) */
export function keyboardShown(ctx: Pick<ScreenCtx, 'state'>): boolean {
  const s = ctx.state;
  return s.app.running && !!s.app.compose?.keyboard && top(s).name === 'post' && !s.app.popup;
}

/** The keyboard's window, when it is up. */
export function keyboardWindow(ctx: ScreenCtx): UiNode | undefined {
  if (!keyboardShown(ctx)) return undefined;
  const key = (label: string, x: number, y: number): UiNode => ({
    cls: C.FL,
    pkg: IME_PACKAGE,
    desc: label,
    bounds: [x, y, x + 108, y + 150],
    blocksTouches: true,
    key: `ime.key.${label}`,
  });
  return {
    cls: C.FL,
    pkg: IME_PACKAGE,
    bounds: [0, 1530, 1080, 2400],
    key: 'window.ime',
    blocksTouches: true,
    color: [40, 40, 48],
    window: { kind: 'ime' },
    children: [
      {
        cls: C.FL,
        pkg: IME_PACKAGE,
        id: `${IME_PACKAGE}:id/keyboard_holder`,
        bounds: [0, 1530, 1080, 2400],
        children: [...'qwertyuiop'].map((c, i) => key(c, i * 108, 1700)),
      },
    ],
  };
}

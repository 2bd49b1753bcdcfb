/**
 * Which windows each lookup sees, as on a phone through UiAutomator2 (appium-uiautomator2-driver,
 * docs/android-multiwindow.md; tiktok-ui.md C.1, C.8, C.14):
 * - `-android uiautomator` (the legacy UiSelector API) searches the active window only, whatever
 *   the settings;
 * - `id`, `accessibility id`, `class name`, `xpath` and the page source see the active window only
 *   by default, and every window with the setting `enableMultiWindows: true`.
 * Pop-ups, the upload badge, toasts and the keyboard are windows of their own; the active one is
 * the window with the input focus (a pop-up when one is up; never a badge, toast or keyboard).
 * The screen under a pop-up is left out of every tree (it is `covered`): C.1's contacts dialog
 * page source holds only the dialog, and in all-window dumps the update prompt and the
 * collections sheet come without the feed.
 * Toasts are no window to accessibility at all: the UiAutomator2 server adds the last one to the
 * page source (and so to xpath) as `android.widget.Toast`, whatever the settings, and nothing else
 * finds it (appium-uiautomator2-server, its toast support via accessibility notifications).
 */
import type { PlacedNode } from './node.js';

/** Strategies that always search the active window only. */
const ACTIVE_ONLY = new Set(['-android uiautomator']);

/** The nodes of the active window (and the root), in document order. */
export function activeWindowNodes(placed: readonly PlacedNode[]): PlacedNode[] {
  return placed.filter((p) => !p.window || p.window.window?.active);
}

const isToast = (p: PlacedNode) => p.window?.window?.kind === 'toast';

/**
 * The nodes a lookup with `strategy` searches, and the page source shows (`strategy` undefined):
 * the active window, or every window in the tree when `multiWindows` is on.
 */
export function searchedNodes(
  placed: readonly PlacedNode[],
  strategy: string | undefined,
  multiWindows: boolean,
): PlacedNode[] {
  const sourceLike = strategy === undefined || strategy === 'xpath';
  if (multiWindows && !(strategy && ACTIVE_ONLY.has(strategy)))
    return placed.filter((p) => sourceLike || !isToast(p));
  return placed.filter((p) => !p.window || p.window.window?.active || (sourceLike && isToast(p)));
}

const isSystemAlert = (p: PlacedNode) => p.window?.window?.kind === 'system-alert';

/**
 * What WebDriverAgent searches on the simulated iPhone, page source included: the app under test;
 * or, when SpringBoard shows an alert and the setting `respectSystemAlerts` is on, that alert alone
 * (appium-webdriveragent FBSession.m `activeApplication`). With the setting off an alert is out of
 * reach of every lookup, while it still takes the touches meant for the app below.
 */
export function iosSearchedNodes(placed: readonly PlacedNode[], respectSystemAlerts: boolean): PlacedNode[] {
  if (respectSystemAlerts && placed.some(isSystemAlert))
    return placed.filter((p) => !p.window || isSystemAlert(p));
  return placed.filter((p) => !isSystemAlert(p));
}

/** Is SpringBoard the application WebDriverAgent answers for (its alert is up and respected)? */
export function springBoardInFront(placed: readonly PlacedNode[], respectSystemAlerts: boolean): boolean {
  return respectSystemAlerts && placed.some(isSystemAlert);
}

/**
 * The app's screen stack, launch and exit, and the pop-ups that interrupt it.
 */
import { type PhoneState, POPUP_KINDS, random, type Screen, top, willAsk } from './state.js';

/** How long things take at time scale 1 (ms). */
export const REAL_MS = { splash: 1500, upload: 8000, save: 3000 } as const;

/** Scale a realistic duration by the phone's time scale. */
export function scaled(state: PhoneState, ms: number): number {
  return Math.round(ms * state.timeScale);
}

function changed(state: PhoneState): void {
  state.app.instance += 1;
  state.app.toast = undefined;
}

/** Show a screen on top of the current one. */
export function push(state: PhoneState, screen: Screen): void {
  state.app.stack.push(screen);
  changed(state);
  maybeRandomPopup(state);
}

/** Replace the whole stack (e.g. bottom navigation resets to a root screen). */
export function resetTo(state: PhoneState, screen: Screen): void {
  state.app.stack = [screen];
  changed(state);
  maybeRandomPopup(state);
}

/** Close the front screen. Closing the last one sends the app to the background. */
export function pop(state: PhoneState): void {
  state.app.stack.pop();
  if (state.app.stack.length === 0) {
    background(state);
    return;
  }
  changed(state);
}

/** Pop screens until `name` is in front (or the stack is a single screen). */
export function popTo(state: PhoneState, name: Screen['name']): boolean {
  while (state.app.stack.length > 1 && top(state).name !== name) state.app.stack.pop();
  changed(state);
  return top(state).name === name;
}

/** Start the app (cold) or bring it to the front (warm), like `activateApp`. */
export function launch(state: PhoneState, now: number): void {
  if (state.app.running) return;
  state.app.running = true;
  state.counters.launches += 1;
  state.app.overlay = false;
  state.app.popup = undefined;
  state.app.permissionAsk = undefined;
  const splash = scaled(state, REAL_MS.splash);
  state.app.stack = [splash > 0 ? { name: 'splash', until: now + splash } : { name: 'feed', tab: 'home' }];
  changed(state);
  if (splash === 0) showLaunchPopup(state);
}

/** Splash finished: the feed, then the first pending launch pop-up. */
export function finishSplash(state: PhoneState): void {
  state.app.stack = [{ name: 'feed', tab: 'home' }];
  changed(state);
  showLaunchPopup(state);
}

function showLaunchPopup(state: PhoneState): void {
  // Android 13+: the notifications permission is asked at launch (lemanh07072001/Tiktok-Android
  // `huongB_devirt19/_ui.xml`, tiktok-ui.md C.1), over TikTok's own first pop-up.
  if (willAsk(state, 'notifications')) state.app.permissionAsk = { name: 'notifications' };
  // Killed mid-edit: "Continue editing this post?" over the feed (screens/resume.ts), before any pop-up.
  if (state.app.unfinished) {
    state.app.resumeBanner = true;
    return;
  }
  const next = state.app.pendingPopups.shift();
  if (next) state.app.popup = next;
  else maybeRandomPopup(state);
}

/** Dismiss the pop-up in front; the next pending launch pop-up (if any) follows it. */
export function dismissPopup(state: PhoneState): void {
  state.app.popup = state.app.pendingPopups.shift();
}

/** The resume banner goes; the launch pop-ups it held back follow. */
export function closeResumeBanner(state: PhoneState): void {
  state.app.resumeBanner = false;
  state.app.unfinished = undefined;
  changed(state);
  showLaunchPopup(state);
}

/** With the configured chance, a random pop-up appears over the screen just opened. */
export function maybeRandomPopup(state: PhoneState): void {
  const rate = state.faults.popupRate;
  if (state.app.popup || !state.app.running) return;
  if (top(state).name === 'splash') return;
  if (state.faults.unknownPopup > 0) {
    state.faults.unknownPopup -= 1;
    state.app.popup = 'unknown';
    return;
  }
  if (rate <= 0) return;
  if (random(state) < rate) {
    state.app.popup = POPUP_KINDS[Math.floor(random(state) * POPUP_KINDS.length)]!;
  }
}

const EDITING: Screen['name'][] = ['editor', 'post', 'privacy', 'moreOptions'];

/** The app leaves the foreground (Home, Back on the root screen, terminateApp). */
export function background(state: PhoneState): void {
  // An edit in progress is kept: the next launch offers to continue it (tiktok-ui.md C.1).
  const s = top(state);
  if (state.app.compose && EDITING.includes(s.name))
    state.app.unfinished = { ...state.app.compose, keyboard: false };
  state.app.resumeBanner = false;
  state.app.running = false;
  state.app.stack = [];
  state.app.popup = undefined;
  state.app.permissionAsk = undefined;
  state.app.compose = undefined;
  state.app.overlay = false;
  changed(state);
}

/** The app crashes: it closes, and everything already saved (drafts, posts, uploads) stays. */
export function crash(state: PhoneState): void {
  background(state);
}

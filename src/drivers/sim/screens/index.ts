/**
 * Render the phone's current screen: the app's screen stack top, pop-up, toast, upload badge,
 * keyboard and system bars, each its own window under a `hierarchy` root (the shape of a dump).
 */
import { getProfile } from '../model/profiles.js';
import { type PhoneState, type ShownPopup, top } from '../model/state.js';
import type { PhoneStore } from '../model/store.js';
import { phoneTexts } from '../model/texts.js';
import type { UiNode } from '../ui/node.js';
import { C, type ScreenCtx, scaleTree, statusBar, toast } from './build.js';
import { uploadBadge } from './common.js';
import { feedScreen, launcherScreen, splashScreen } from './feed.js';
import { keyboardWindow } from './keyboard.js';
import { permissionWindow } from './permission.js';
import { iosPermissionAlert } from './permission-ios.js';
import { cameraScreen, pickerScreen, playerScreen } from './player.js';
import { overlayNode, popupNodes } from './popups.js';
import { editorScreen, moreOptionsScreen, postScreen, privacySheet } from './post.js';
import { draftsScreen, profileScreen } from './profile.js';
import { resumeBanner } from './resume.js';

/** The context screens are built with. */
export function screenCtx(state: PhoneState, store: PhoneStore, now: number): ScreenCtx {
  return { state, profile: getProfile(state.profile), t: phoneTexts(state), now, store };
}

function appNodes(ctx: ScreenCtx): UiNode[] {
  const { state } = ctx;
  const s = top(state);
  const c = state.app.compose;
  switch (s.name) {
    case 'launcher':
      return launcherScreen();
    case 'splash':
      return splashScreen();
    case 'feed':
      return feedScreen(ctx, s.tab);
    case 'profile':
      return profileScreen(ctx, s.tab);
    case 'drafts':
      return draftsScreen(ctx, s);
    case 'editor': {
      const pickerBelow = state.app.stack.some((x) => x.name === 'picker') || state.faults.duplicateNext;
      return editorScreen(ctx, pickerBelow ? pickerScreen(ctx, { selected: c?.media.path ?? 'stale' }) : []);
    }
    case 'post':
      return c ? postScreen(ctx, c) : [];
    case 'privacy':
      return c ? privacySheet(ctx, postScreen(ctx, c), c.privacy) : [];
    case 'moreOptions':
      return c ? moreOptionsScreen(ctx, c) : [];
    case 'player':
      return playerScreen(ctx, s);
    case 'camera':
      return cameraScreen(ctx);
    case 'picker':
      return pickerScreen(ctx, s);
  }
}

/** A pop-up's own window (tiktok-ui.md C.1): a dialog with its own `android:id/content`. */
function popupWindow(ctx: ScreenCtx, kind: ShownPopup): UiNode {
  const nodes = popupNodes(ctx, kind);
  const pkg = ctx.profile.packageName;
  const own = nodes.length === 1 && nodes[0]!.id === 'android:id/content';
  const content: UiNode[] = own
    ? nodes
    : [{ cls: C.FL, pkg, id: 'android:id/content', bounds: [0, 0, 1080, 2400], children: nodes }];
  return {
    cls: C.FL,
    pkg,
    bounds: [0, 0, 1080, 2400],
    key: 'window.popup',
    window: { kind: 'popup', active: true },
    children: content,
  };
}

/**
 * The full hierarchy for the current state: one child of the root per window, top-most first
 * (as in a uiautomator dump), each marked with what kind of window it is (ui/windows.ts).
 */
export function render(ctx: ScreenCtx): UiNode {
  const { state, profile } = ctx;
  const running = state.app.running && top(state).name !== 'launcher';
  // While the app starts there is no TikTok window at all (tt4314_fr_launch_black.xml).
  const starting = running && top(state).name === 'splash';
  const popup = running && !starting ? state.app.popup : undefined;
  const windows: UiNode[] = [{ ...statusBar(ctx), window: { kind: 'system', active: starting } }];
  if (running) {
    // Toasts and the upload badge float over the app without the focus (C.8: the 46.6.3 badge).
    const tst = toast(ctx);
    if (tst) windows.push({ ...tst, window: { kind: 'toast' } });
    const badge = uploadBadge(ctx);
    if (badge) windows.push({ ...badge, window: { kind: 'overlay' } });
    const kb = keyboardWindow(ctx);
    if (kb) windows.push(kb);
  }
  // The system permission dialog is in front of everything, TikTok's own pop-up included (C.1:
  // each capture holds only that window).
  const perm = running && !starting ? state.app.permissionAsk : undefined;
  if (perm && state.platform === 'ios')
    windows.push({ ...iosPermissionAlert(ctx, perm.name), window: { kind: 'system-alert', active: true } });
  else if (perm)
    windows.push({ ...permissionWindow(ctx, perm.name), window: { kind: 'popup', active: true } });
  if (popup) {
    const w = popupWindow(ctx, popup);
    windows.push(perm ? { ...w, window: { kind: 'popup', covered: true } } : w);
  }
  const app: UiNode[] = running ? appNodes(ctx) : launcherScreen();
  // "Continue editing this post?" is a node over the feed in TikTok's own window (C.1, enkaku).
  if (running && state.app.resumeBanner) app.push(...resumeBanner(ctx));
  if (running && state.app.overlay) app.push(overlayNode(ctx));
  if (!starting)
    windows.push({
      cls: C.FL,
      pkg: running ? profile.packageName : 'com.android.launcher3',
      id: running ? 'android:id/content' : undefined,
      bounds: [0, 0, 1080, 2400],
      key: 'window.app',
      // An iPhone's system alert leaves TikTok's tree whole (WebDriverAgent still searches it).
      window: {
        kind: running ? 'app' : 'launcher',
        active: !popup && !perm,
        covered: !!popup || (!!perm && state.platform !== 'ios'),
      },
      children: app,
    });
  return scaleTree(
    { cls: 'hierarchy', pkg: '', bounds: [0, 0, 1080, 2400], key: 'hierarchy', children: windows },
    profile,
  );
}

/**
 * Render the phone's current screen: the app's screen stack top, pop-up, toast, upload badge and
 * system bars, as one tree under a `hierarchy` root (the shape UiAutomator2 returns).
 */
import { getProfile } from '../model/profiles.js';
import { type PhoneState, top } from '../model/state.js';
import type { PhoneStore } from '../model/store.js';
import { phoneTexts } from '../model/texts.js';
import type { UiNode } from '../ui/node.js';
import { C, type ScreenCtx, scaleTree, statusBar, toast } from './build.js';
import { uploadBadge } from './common.js';
import { feedScreen, launcherScreen, splashScreen } from './feed.js';
import { permissionWindow } from './permission.js';
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

/** The full hierarchy for the current state. */
export function render(ctx: ScreenCtx): UiNode {
  const { state, profile } = ctx;
  const running = state.app.running && top(state).name !== 'launcher';
  const windows: UiNode[] = [];
  const app: UiNode[] = running ? appNodes(ctx) : launcherScreen();
  if (running && state.app.resumeBanner) app.push(...resumeBanner(ctx));
  if (running && state.app.popup) app.push(...popupNodes(ctx, state.app.popup));
  if (running && state.app.overlay) app.push(overlayNode(ctx));
  // While the app starts there is no TikTok window at all (tt4314_fr_launch_black.xml).
  const starting = running && top(state).name === 'splash';
  if (!starting)
    windows.push({
      cls: C.FL,
      pkg: running ? profile.packageName : 'com.android.launcher3',
      id: running ? 'android:id/content' : undefined,
      bounds: [0, 0, 1080, 2400],
      key: 'window.app',
      children: app,
    });
  if (running) {
    const badge = uploadBadge(ctx);
    if (badge) windows.push(badge);
    const tst = toast(ctx);
    if (tst) windows.push(tst);
  }
  windows.push(statusBar(ctx));
  // The system permission dialog: its own window, over everything (drawn last).
  if (running && state.app.permissionAsk) windows.push(permissionWindow(ctx, state.app.permissionAsk.name));
  return scaleTree(
    { cls: 'hierarchy', pkg: '', bounds: [0, 0, 1080, 2400], key: 'hierarchy', children: windows },
    profile,
  );
}

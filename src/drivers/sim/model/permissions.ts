/**
 * Android runtime permissions with real consequences (tiktok-ui.md C.1 table, §1.2): the system
 * dialog (`com.google.android.permissioncontroller`) comes up when TikTok needs a permission; the
 * answer sticks. Camera: asked at the camera screen, the microphone prompt follows at once, a
 * denial is asked again at the next camera screen (YallaPapi/geelark-automation 125248, enkaku
 * plan 113 E5/E7). Photos and videos: asked when the gallery opens; "Don’t allow" leaves the
 * gallery empty, silently, and limited access shows only hand-picked items, none here (enkaku
 * `screen-sys-media-permission.json`, E6). Android stops asking after a second denial.
 */
import type { Handlers } from './app.js';
import { push } from './navigation.js';
import { type PermissionName, type PhoneState, type Screen, willAsk } from './state.js';

/** TikTok needs `name`: ask when Android would, then (whatever the answer) show `then`. */
export function request(state: PhoneState, name: PermissionName, then?: Screen): void {
  if (willAsk(state, name)) state.app.permissionAsk = { name, next: then };
  else if (then) push(state, then);
}

/** What each button of the dialog answers. */
export type PermissionAnswer = 'allow' | 'foreground' | 'once' | 'all' | 'selected' | 'deny';

/** The dialog's answer: record it, ask for the microphone after the camera, then go on. */
export function answer(state: PhoneState, choice: PermissionAnswer): void {
  const ask = state.app.permissionAsk;
  if (!ask) return;
  state.app.permissionAsk = undefined;
  const p = state.permissions;
  if (choice === 'deny') {
    p.denials[ask.name] = (p.denials[ask.name] ?? 0) + 1;
    p[ask.name] = 'denied';
  } else if (ask.name === 'media') p.media = choice === 'selected' ? 'limited' : 'granted';
  else p[ask.name] = 'granted';
  state.app.instance += 1;
  if (ask.name === 'camera' && willAsk(state, 'microphone')) {
    state.app.permissionAsk = { name: 'microphone', next: ask.next };
    return;
  }
  if (ask.next) push(state, ask.next);
}

/** Can the gallery picker show the phone's videos? */
export function galleryReadable(state: PhoneState): boolean {
  return state.permissions.media === 'granted';
}

/** Handlers by action type. */
export const permissionHandlers: Handlers = {
  permission(state, a) {
    answer(state, a.answer as PermissionAnswer);
  },
};

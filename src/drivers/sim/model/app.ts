/**
 * The TikTok app as a state machine: what each tap, key and gesture does. Screens (screens/*.ts)
 * attach actions to nodes; the driver dispatches them here. No rendering here.
 */
import type { Action } from '../ui/node.js';
import { browseHandlers } from './handlers-browse.js';
import { composeHandlers } from './handlers-compose.js';
import { background, closeResumeBanner, dismissPopup, pop } from './navigation.js';
import { answer, permissionHandlers } from './permissions.js';
import type { PhoneState } from './state.js';
import { top } from './state.js';
import type { PhoneStore } from './store.js';

/** What a handler may touch besides the state. */
export interface AppEnv {
  store: PhoneStore;
  now: number;
}

/** Action type → handler. */
export type Handlers = Record<string, (state: PhoneState, action: Action, env: AppEnv) => void>;

const HANDLERS: Handlers = {
  ...browseHandlers,
  ...composeHandlers,
  ...permissionHandlers,
  back: (state) => back(state),
};

/** Apply one action. An unknown action is a simulator bug and throws. */
export function dispatch(state: PhoneState, action: Action, env: AppEnv): void {
  const handler = HANDLERS[action.type];
  if (!handler) throw new Error(`simulator: unknown action ${action.type}`);
  handler(state, action, env);
}

/** System Back: closes a pop-up, the overlay, the keyboard or a menu first, then the screen. */
export function back(state: PhoneState): void {
  const s = top(state);
  const compose = state.app.compose;
  // Back on a system permission dialog denies (Android); it is in front of everything.
  if (state.app.permissionAsk) answer(state, 'deny');
  else if (state.app.popup) dismissPopup(state);
  // INFERRED: Back closes the resume banner, the draft stays as it was (§0.6: Back is the fallback
  // for overlays the tree does not show).
  else if (state.app.resumeBanner) closeResumeBanner(state);
  else if (state.app.overlay) state.app.overlay = false;
  else if (compose?.keyboard && s.name === 'post') compose.keyboard = false;
  else if (s.name === 'player' && s.moreMenu) s.moreMenu = false;
  else if (s.name === 'player' && (s.menu || s.confirmDelete))
    Object.assign(s, { menu: false, confirmDelete: false });
  else if (s.name === 'drafts' && (s.selecting || s.confirm))
    Object.assign(s, { selecting: false, confirm: false, selected: [] });
  else if (state.app.stack.length <= 1) background(state);
  else {
    if (s.name === 'editor') state.app.compose = undefined;
    pop(state);
  }
}

/**
 * The TikTok app as a state machine: what each tap, key and gesture does. Screens (screens/*.ts)
 * attach these actions to nodes; the driver dispatches them. No rendering here.
 */
import { createHash } from 'node:crypto';
import { probeMp4 } from '../../../media/mp4.js';
import type { Action } from '../ui/node.js';
import {
  background,
  dismissPopup,
  launch,
  pop,
  popTo,
  push,
  REAL_MS,
  resetTo,
  scaled,
} from './navigation.js';
import { startPost } from './posting.js';
import type { Compose, Draft, Media, PhoneState } from './state.js';
import { nextId, top } from './state.js';
import type { PhoneStore } from './store.js';
import { type Privacy, textsFor } from './texts.js';

/** What the reducer may touch besides the state. */
export interface AppEnv {
  store: PhoneStore;
  now: number;
}

function composeFrom(draft: Draft): Compose {
  return {
    draftId: draft.id,
    media: draft.media,
    caption: draft.caption,
    privacy: draft.privacy,
    saveToDevice: draft.saveToDevice,
    keyboard: false,
  };
}

/** Apply one action. Unknown actions are a simulator bug and throw. */
export function dispatch(state: PhoneState, action: Action, env: AppEnv): void {
  const s = top(state);
  const compose = state.app.compose;
  switch (action.type) {
    case 'nav': {
      const to = action.to as string;
      if (to === 'profile') return resetTo(state, { name: 'profile', tab: 'videos' });
      if (to === 'create') return push(state, { name: 'camera' });
      return resetTo(state, { name: 'feed', tab: to as 'home' | 'friends' | 'inbox' });
    }
    case 'popup':
      return dismissPopup(state);
    case 'launch':
      return launch(state, env.now);
    case 'profileTab':
      if (s.name === 'profile') s.tab = action.tab as 'videos' | 'private';
      return;
    case 'openDrafts':
      return push(state, { name: 'drafts', selecting: false, selected: [], confirm: false, scroll: 0 });
    case 'draftCell': {
      if (s.name !== 'drafts') return;
      const id = action.id as string;
      if (s.selecting) {
        s.selected = s.selected.includes(id) ? s.selected.filter((x) => x !== id) : [...s.selected, id];
        return;
      }
      const draft = state.drafts.find((d) => d.id === id);
      if (!draft) return;
      state.app.compose = composeFrom(draft);
      return push(state, { name: 'editor' });
    }
    case 'draftsSelect':
      if (s.name === 'drafts') Object.assign(s, { selecting: !s.selecting, selected: [], confirm: false });
      return;
    case 'draftsDelete':
      if (s.name === 'drafts' && s.selected.length > 0) s.confirm = true;
      return;
    case 'draftsConfirm':
      if (s.name !== 'drafts') return;
      if (action.ok) state.drafts = state.drafts.filter((d) => !s.selected.includes(d.id));
      Object.assign(s, {
        confirm: false,
        selecting: action.ok ? false : s.selecting,
        selected: action.ok ? [] : s.selected,
      });
      return;
    case 'draftsScroll':
      if (s.name === 'drafts')
        s.scroll = Math.max(
          0,
          Math.min(s.scroll + (action.rows as number), Math.max(0, Math.ceil(state.drafts.length / 3) - 3)),
        );
      return;
    case 'editorNext':
      push(state, { name: 'post' });
      if (state.faults.invisibleOverlay > 0) {
        // Fault: an overlay (like "Continue editing this post?") that uiautomator cannot see.
        state.faults.invisibleOverlay -= 1;
        state.app.overlay = true;
      }
      return;
    case 'focusCaption':
      if (compose) compose.keyboard = true;
      return;
    case 'setCaption':
      if (compose) Object.assign(compose, { caption: String(action.text), keyboard: true });
      return;
    case 'openPrivacy':
      return push(state, { name: 'privacy' });
    case 'choosePrivacy':
      return choosePrivacy(state, action.level as Privacy);
    case 'openMoreOptions':
      return push(state, { name: 'moreOptions' });
    case 'toggleSaveToDevice':
      if (compose) compose.saveToDevice = !compose.saveToDevice;
      return;
    case 'post':
      if (compose) startPost(state, compose, env.now);
      return;
    case 'saveDraft':
      return saveDraft(state, env);
    case 'openPost':
      return push(state, { name: 'player', postId: action.id as string, menu: false, confirmDelete: false });
    case 'playerMenu':
      if (s.name === 'player') s.menu = true;
      return;
    case 'saveVideo':
      if (s.name !== 'player') return;
      s.menu = false;
      state.savings.push({ postId: s.postId, startedAt: env.now, durationMs: scaled(state, REAL_MS.save) });
      state.app.toast = textsFor(state.locale).saving;
      return;
    case 'deletePost':
      if (s.name === 'player') Object.assign(s, { menu: false, confirmDelete: true });
      return;
    case 'confirmDeletePost':
      if (s.name !== 'player') return;
      if (!action.ok) return void (s.confirmDelete = false);
      state.posts = state.posts.filter((p) => p.id !== s.postId);
      return pop(state);
    case 'openGallery':
      return push(state, { name: 'picker' });
    case 'pickerSelect':
      if (s.name === 'picker') s.selected = action.path as string;
      return;
    case 'pickerNext':
      return pickerNext(state, env);
    case 'back':
      return back(state);
    case 'none':
      return;
    default:
      throw new Error(`simulator: unknown action ${action.type}`);
  }
}

function choosePrivacy(state: PhoneState, level: Privacy): void {
  const compose = state.app.compose;
  // The sheet closes itself after a choice (trill 44.4.3 calibration).
  pop(state);
  if (!compose) return;
  if (state.faults.privacyNotStick > 0) {
    state.faults.privacyNotStick -= 1; // fault: the choice silently does not stick
    return;
  }
  compose.privacy = level;
}

function saveDraft(state: PhoneState, env: AppEnv): void {
  const c = state.app.compose;
  if (!c) return;
  const existing = c.draftId ? state.drafts.find((d) => d.id === c.draftId) : undefined;
  if (existing)
    Object.assign(existing, { caption: c.caption, privacy: c.privacy, saveToDevice: c.saveToDevice });
  else {
    state.drafts.unshift({
      id: nextId(state, 'd'),
      caption: c.caption,
      media: c.media,
      createdAt: env.now,
      privacy: c.privacy,
      saveToDevice: c.saveToDevice,
    });
  }
  state.app.compose = undefined;
  if (existing && popTo(state, 'drafts')) return;
  resetTo(state, { name: 'profile', tab: 'videos' });
  state.app.toast = textsFor(state.locale).savedToDrafts;
}

function pickerNext(state: PhoneState, env: AppEnv): void {
  const s = top(state);
  if (s.name !== 'picker' || !s.selected) return;
  const bytes = env.store.readFile(s.selected);
  const media: Media = {
    path: `/data/data/app/files/drafts/${nextId(state, 'm')}.mp4`,
    sha256: sha256(bytes),
    size: bytes.length,
    durationMs: mp4DurationHint(bytes),
  };
  env.store.writeFile(media.path, bytes);
  state.app.compose = { media, caption: '', privacy: 'everyone', saveToDevice: false, keyboard: false };
  push(state, { name: 'editor' });
}

/** System Back: pop-up, overlay, keyboard, menu, then the screen. */
export function back(state: PhoneState): void {
  const s = top(state);
  if (state.app.popup) return dismissPopup(state);
  if (state.app.overlay) return void (state.app.overlay = false);
  if (state.app.compose?.keyboard && s.name === 'post') return void (state.app.compose.keyboard = false);
  if (s.name === 'player' && (s.menu || s.confirmDelete))
    return void Object.assign(s, { menu: false, confirmDelete: false });
  if (s.name === 'drafts' && (s.selecting || s.confirm))
    return void Object.assign(s, { selecting: false, confirm: false, selected: [] });
  if (s.name === 'editor') state.app.compose = undefined;
  if (state.app.stack.length <= 1) return background(state);
  pop(state);
}

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

/** Pushed videos keep their own duration; a file mp4box cannot read gets a nominal one. */
function mp4DurationHint(bytes: Buffer): number {
  try {
    return probeMp4(bytes).durationMs;
  } catch {
    return 1000;
  }
}

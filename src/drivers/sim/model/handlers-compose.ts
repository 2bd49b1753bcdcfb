/** Actions from a draft or a picked video to Post: editor, post screen, privacy, More options. */
import { createHash } from 'node:crypto';
import type { Handlers } from './app.js';
import { readMovie } from './mp4.js';
import { closeResumeBanner, pop, popTo, push, resetTo } from './navigation.js';
import { request } from './permissions.js';
import { startPost } from './posting.js';
import { getProfile } from './profiles.js';
import type { Compose, Draft, Media, PhoneState } from './state.js';
import { nextId, top } from './state.js';
import { type Privacy, phoneTexts } from './texts.js';

/** Handlers by action type. */
export const composeHandlers: Handlers = {
  editorNext(state) {
    push(state, { name: 'post' });
    // 48.2.0: a tip covers the post screen each time it opens, until "Got it" is tapped.
    if (getProfile(state.profile).changes?.postScreenTip && !state.app.tipSeen && !state.app.popup)
      state.app.popup = 'tip';
    if (state.faults.invisibleOverlay > 0) {
      // Fault: an overlay (like "Continue editing this post?") that uiautomator cannot see.
      state.faults.invisibleOverlay -= 1;
      state.app.overlay = true;
    }
  },
  focusCaption(state) {
    if (state.app.compose) state.app.compose.keyboard = true;
  },
  setTitle(state, a) {
    if (state.app.compose) state.app.compose.title = String(a.text);
  },
  setCaption(state, a) {
    // Setting the text does not open the keyboard: UiAutomator2's set-text is ACTION_SET_TEXT on
    // the node, never a tap (tiktok-ui.md C.14, appium-uiautomator2-server SendKeysToElement.java).
    if (state.app.compose) state.app.compose.caption = String(a.text);
  },
  openPrivacy(state) {
    push(state, { name: 'privacy' });
  },
  choosePrivacy(state, a) {
    const compose = state.app.compose;
    // trill 44.4.3: the sheet closes itself after a choice (tiktok-ui.md §3.3); 47.0.3 en, Android 16:
    // it "stays up after one is picked" (C.6, Rhombicdodecahedron/manhwatok). Variant privacySheet.
    if (state.variants.privacySheet === 'closes') pop(state);
    if (!compose) return;
    if (state.faults.privacyNotStick > 0) {
      state.faults.privacyNotStick -= 1; // fault: the choice silently does not stick
      return;
    }
    compose.privacy = a.level as Privacy;
  },
  openMoreOptions(state) {
    push(state, { name: 'moreOptions' });
  },
  toggleSaveToDevice(state) {
    if (state.app.compose) state.app.compose.saveToDevice = !state.app.compose.saveToDevice;
  },
  post(state, _a, env) {
    if (state.app.compose) startPost(state, state.app.compose, env.now);
  },
  resumeSave(state, _a, env) {
    const c = state.app.unfinished;
    closeResumeBanner(state);
    if (c) saveCompose(state, c, env.now);
  },
  resumeEdit(state) {
    const c = state.app.unfinished;
    closeResumeBanner(state);
    if (!c) return;
    state.app.compose = c;
    push(state, { name: 'editor' });
  },
  saveDraft(state, _a, env) {
    const c = state.app.compose;
    if (!c) return;
    const existing = saveCompose(state, c, env.now);
    state.app.compose = undefined;
    if (existing && popTo(state, 'drafts')) return;
    resetTo(state, { name: 'profile', tab: 'videos' });
    state.app.toast = phoneTexts(state).savedToDrafts;
  },
  openGallery(state) {
    request(state, 'media', { name: 'picker' });
  },
  pickerSelect(state, a) {
    const s = top(state);
    if (s.name !== 'picker') return;
    if (!s.multi) {
      s.selected = a.path as string;
      return;
    }
    // Select multiple: a tap ticks a video (numbered in the order ticked) or unticks it.
    const picks = s.picks ?? [];
    s.picks = picks.includes(a.path as string)
      ? picks.filter((p) => p !== a.path)
      : [...picks, a.path as string];
  },
  pickerMulti(state) {
    const s = top(state);
    if (s.name === 'picker' && !s.selected) Object.assign(s, { multi: true, picks: [] });
  },
  pickerNext(state, _a, env) {
    const s = top(state);
    if (s.name !== 'picker') return;
    const picked = s.multi ? (s.picks ?? []) : s.selected ? [s.selected] : [];
    if (!picked.length) return;
    const sha = (p: string) => createHash('sha256').update(env.store.readFile(p)).digest('hex');
    const bytes = env.store.readFile(picked[0]!);
    const media: Media = {
      path: `/data/data/app/files/drafts/${nextId(state, 'm')}.mp4`,
      sha256: sha(picked[0]!),
      size: bytes.length,
      durationMs: durationOf(bytes),
      ...(picked.length > 1 ? { clips: picked.map(sha) } : {}),
    };
    env.store.writeFile(media.path, bytes);
    state.app.compose = { media, caption: '', privacy: 'everyone', saveToDevice: false, keyboard: false };
    push(state, { name: 'editor' });
  },
};

/** Save an edit as a draft: the draft it came from is updated, a gallery video becomes a new one. */
function saveCompose(state: PhoneState, c: Compose, now: number): Draft | undefined {
  const existing = c.draftId ? state.drafts.find((d) => d.id === c.draftId) : undefined;
  const settings = { caption: c.caption, privacy: c.privacy, saveToDevice: c.saveToDevice };
  if (existing) Object.assign(existing, settings);
  else state.drafts.unshift({ id: nextId(state, 'd'), media: c.media, createdAt: now, ...settings });
  return existing;
}

/** A picked video keeps its own duration; a file mp4box cannot read gets a nominal one. */
function durationOf(bytes: Buffer): number {
  return readMovie(bytes)?.durationMs ?? 1000;
}

/** Actions while browsing: navigation, pop-ups, profile tabs, the drafts grid, the own-video player. */

import type { Handlers } from './app.js';
import { dismissPopup, launch, pop, push, REAL_MS, resetTo, scaled } from './navigation.js';
import { request } from './permissions.js';
import { top } from './state.js';
import { phoneTexts } from './texts.js';

/** How far the share row scrolls: its 6 items, 4 on screen at once (screens/player.ts). */
const SHARE_MAX_SCROLL = 2;

/** Handlers by action type. */
export const browseHandlers: Handlers = {
  nav(state, a) {
    const to = a.to as string;
    if (to === 'profile') resetTo(state, { name: 'profile', tab: 'videos' });
    else if (to === 'create') {
      push(state, { name: 'camera' });
      request(state, 'camera');
    } else resetTo(state, { name: 'feed', tab: to as 'home' | 'friends' | 'inbox' });
  },
  popup(state) {
    dismissPopup(state);
  },
  gotIt(state) {
    state.app.tipSeen = true;
    dismissPopup(state);
  },
  launch(state, _a, env) {
    launch(state, env.now);
  },
  profileTab(state, a) {
    const s = top(state);
    if (s.name === 'profile') s.tab = a.tab as 'videos' | 'private';
  },
  openDrafts(state) {
    push(state, { name: 'drafts', selecting: false, selected: [], confirm: false, scroll: 0 });
  },
  draftCell(state, a) {
    const s = top(state);
    if (s.name !== 'drafts') return;
    const id = a.id as string;
    if (s.selecting) {
      s.selected = s.selected.includes(id) ? s.selected.filter((x) => x !== id) : [...s.selected, id];
      return;
    }
    const d = state.drafts.find((x) => x.id === id);
    if (!d) return;
    state.app.compose = {
      draftId: d.id,
      media: d.media,
      caption: d.caption,
      privacy: d.privacy,
      saveToDevice: d.saveToDevice,
      keyboard: false,
    };
    push(state, { name: 'editor' });
  },
  draftsSelect(state) {
    const s = top(state);
    if (s.name === 'drafts') Object.assign(s, { selecting: !s.selecting, selected: [], confirm: false });
  },
  draftsDelete(state) {
    const s = top(state);
    if (s.name === 'drafts' && s.selected.length > 0) s.confirm = true;
  },
  draftsConfirm(state, a) {
    const s = top(state);
    if (s.name !== 'drafts') return;
    if (a.ok) {
      state.drafts = state.drafts.filter((d) => !s.selected.includes(d.id));
      Object.assign(s, { confirm: false, selecting: false, selected: [] });
    } else s.confirm = false;
  },
  draftsScroll(state, a) {
    const s = top(state);
    if (s.name !== 'drafts') return;
    const maxRow = Math.max(0, Math.ceil(state.drafts.length / 3) - 3);
    s.scroll = Math.max(0, Math.min(s.scroll + (a.rows as number), maxRow));
  },
  openPost(state, a) {
    push(state, { name: 'player', postId: a.id as string, menu: false, confirmDelete: false });
  },
  playerMenu(state) {
    const s = top(state);
    if (s.name === 'player') Object.assign(s, { menu: true, shareScroll: 0 });
  },
  shareScroll(state, a) {
    const s = top(state);
    if (s.name !== 'player' || !s.menu) return;
    s.shareScroll = Math.max(0, Math.min((s.shareScroll ?? 0) + (a.items as number), SHARE_MAX_SCROLL));
  },
  playerMoreOptions(state) {
    const s = top(state);
    if (s.name === 'player' && s.menu) s.moreMenu = true;
  },
  saveVideo(state, _a, env) {
    const s = top(state);
    if (s.name !== 'player') return;
    s.menu = false;
    if (s.moreMenu) s.moreMenu = false;
    state.savings.push({ postId: s.postId, startedAt: env.now, durationMs: scaled(state, REAL_MS.save) });
    state.app.toast = phoneTexts(state).saving;
  },
  deletePost(state) {
    const s = top(state);
    if (s.name !== 'player') return;
    Object.assign(s, { menu: false, confirmDelete: true });
    if (s.moreMenu) s.moreMenu = false;
  },
  confirmDeletePost(state, a) {
    const s = top(state);
    if (s.name !== 'player') return;
    if (!a.ok) {
      s.confirmDelete = false;
      return;
    }
    state.posts = state.posts.filter((p) => p.id !== s.postId);
    pop(state);
  },
  none() {},
};

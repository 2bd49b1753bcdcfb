/**
 * The Android permission dialog, a window of its own (each real capture holds only that window,
 * tiktok-ui.md C.1): package `com.google.android.permissioncontroller`, ids
 * `com.android.permissioncontroller:id/…` (§1.2: `grant_singleton`, `grant_dialog`,
 * `permission_message`, `permission_*_button`). Button wordings are Android 14's (INFERRED beyond
 * those the sources quote: "While using the app", "Only this time", "Don’t allow", "Allow").
 */
import type { SimLocale } from '../caps.js';
import type { PermissionAnswer } from '../model/permissions.js';
import type { PermissionName } from '../model/state.js';
import type { UiNode } from '../ui/node.js';
import { C, type ScreenCtx } from './build.js';

const PKG = 'com.google.android.permissioncontroller';
const ID = 'com.android.permissioncontroller:id/';

const TEXTS: Record<SimLocale, Record<PermissionName | PermissionAnswer, string>> = {
  en: {
    camera: 'Allow TikTok to take pictures and record video?',
    microphone: 'Allow TikTok to record audio?',
    media: 'Allow TikTok to access photos and videos on this device?',
    notifications: 'Allow TikTok to send you notifications?',
    allow: 'Allow',
    foreground: 'While using the app',
    once: 'Only this time',
    all: 'Allow all',
    selected: 'Select photos and videos',
    deny: 'Don’t allow',
  },
  fr: {
    camera: 'Autoriser TikTok à prendre des photos et à enregistrer des vidéos ?',
    microphone: 'Autoriser TikTok à enregistrer des contenus audio ?',
    media: 'Autoriser TikTok à accéder aux photos et vidéos sur cet appareil ?',
    notifications: 'Autoriser TikTok à vous envoyer des notifications ?',
    allow: 'Autoriser',
    foreground: 'Lorsque vous utilisez l’appli',
    once: 'Uniquement cette fois-ci',
    all: 'Tout autoriser',
    selected: 'Sélectionner des photos et des vidéos',
    deny: 'Ne pas autoriser',
  },
};

const BUTTONS: Record<PermissionName, [PermissionAnswer, string][]> = {
  camera: [
    ['foreground', 'permission_allow_foreground_only_button'],
    ['once', 'permission_allow_one_time_button'],
    ['deny', 'permission_deny_button'],
  ],
  microphone: [
    ['foreground', 'permission_allow_foreground_only_button'],
    ['once', 'permission_allow_one_time_button'],
    ['deny', 'permission_deny_button'],
  ],
  media: [
    ['all', 'permission_allow_all_button'],
    ['selected', 'permission_allow_selected_button'],
    ['deny', 'permission_deny_button'],
  ],
  notifications: [
    ['allow', 'permission_allow_button'],
    ['deny', 'permission_deny_button'],
  ],
};

/** The dialog's window for the permission being asked. */
export function permissionWindow(ctx: ScreenCtx, name: PermissionName): UiNode {
  const t = TEXTS[ctx.state.locale];
  const node = (
    cls: string,
    bounds: UiNode['bounds'],
    o: Partial<UiNode> = {},
    children?: UiNode[],
  ): UiNode => ({
    cls,
    pkg: PKG,
    bounds,
    ...o,
    ...(children ? { children } : {}),
  });
  const buttons = BUTTONS[name].map(([a, id], i) =>
    node(C.BTN, [100, 1260 + i * 130, 980, 1380 + i * 130], {
      id: `${ID}${id}`,
      text: t[a],
      clickable: true,
      tap: { type: 'permission', answer: a },
      key: `perm.${a}`,
    }),
  );
  return node(C.FL, [0, 0, 1080, 2400], { key: 'perm.window', blocksTouches: true }, [
    node(C.FL, [60, 900, 1020, 1300 + BUTTONS[name].length * 130], { id: `${ID}grant_singleton` }, [
      node(C.LL, [60, 900, 1020, 1300 + BUTTONS[name].length * 130], { id: `${ID}grant_dialog` }, [
        node(C.IV, [490, 940, 590, 1040], { id: `${ID}permission_icon`, key: 'perm.icon' }),
        node(C.TV, [100, 1060, 980, 1220], {
          id: `${ID}permission_message`,
          text: t[name],
          key: 'perm.message',
        }),
        ...buttons,
      ]),
    ]),
  ]);
}

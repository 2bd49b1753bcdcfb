/**
 * The iPhone's permission alerts (Photos, notifications): system alerts owned by SpringBoard, not by TikTok
 * (tiktok-ui.md B.5: "Limit Access…", "Allow Full Access" (iOS 17+), "Don’t Allow" with a curly
 * apostrophe; the alert lives in `com.apple.springboard`). WebDriverAgent searches the app under
 * test unless the setting `respectSystemAlerts` is on and SpringBoard shows an alert; then it
 * searches SpringBoard alone (appium-webdriveragent, FBSession.m `activeApplication`): the sim
 * does the same (driver/device.ts). The title's wording, and every French string, are INFERRED.
 */
import type { SimLocale } from '../caps.js';
import type { PermissionAnswer } from '../model/permissions.js';
import type { PermissionName } from '../model/state.js';
import type { UiNode } from '../ui/node.js';
import { C, type ScreenCtx } from './build.js';

const PKG = 'com.apple.springboard';

type AlertTexts = { title: string; message: string; buttons: [PermissionAnswer, string][] };

// Photos: B.5's buttons (iOS 17+). Notifications: iOS's own "Don’t Allow" / "Allow" (B.5's
// add-only request has the same pair). Titles, messages and every French string: INFERRED.
const TEXTS: Record<SimLocale, Record<'media' | 'notifications', AlertTexts>> = {
  en: {
    media: {
      title: '“TikTok” Would Like to Access Your Photos',
      message: 'This lets you upload photos and videos from your library.',
      buttons: [
        ['selected', 'Limit Access…'],
        ['all', 'Allow Full Access'],
        ['deny', 'Don’t Allow'],
      ],
    },
    notifications: {
      title: '“TikTok” Would Like to Send You Notifications',
      message: 'Notifications may include alerts, sounds, and icon badges.',
      buttons: [
        ['deny', 'Don’t Allow'],
        ['allow', 'Allow'],
      ],
    },
  },
  fr: {
    media: {
      title: '« TikTok » souhaite accéder à vos photos',
      message: 'Cela vous permet de publier des photos et vidéos de votre photothèque.',
      buttons: [
        ['selected', 'Limiter l’accès…'],
        ['all', 'Autoriser l’accès complet'],
        ['deny', 'Refuser'],
      ],
    },
    notifications: {
      title: '« TikTok » souhaite vous envoyer des notifications',
      message: 'Les notifications peuvent inclure des alertes, des sons et des pastilles.',
      buttons: [
        ['deny', 'Refuser'],
        ['allow', 'Autoriser'],
      ],
    },
  },
};

/**
 * The alert's window (kind `system-alert`: see ui/windows.ts) for `name` (Photos, or
 * notifications), in front of TikTok, blocking its touches.
 */
export function iosPermissionAlert(ctx: ScreenCtx, name: PermissionName): UiNode {
  const t = TEXTS[ctx.state.locale][name === 'notifications' ? 'notifications' : 'media'];
  const buttons: UiNode[] = t.buttons.map(([a, label], i) => ({
    cls: 'XCUIElementTypeButton',
    pkg: PKG,
    bounds: [150, 1290 + i * 120, 930, 1400 + i * 120],
    text: label,
    clickable: true,
    tap: { type: 'permission', answer: a },
    key: `perm.${a}`,
  }));
  return {
    cls: C.FL,
    pkg: PKG,
    bounds: [0, 0, 1080, 2400],
    key: 'perm.window',
    blocksTouches: true,
    children: [
      {
        cls: 'XCUIElementTypeAlert',
        pkg: PKG,
        bounds: [150, 960, 930, 1660],
        desc: t.title,
        key: 'perm.alert',
        children: [
          { cls: C.TV, pkg: PKG, bounds: [180, 990, 900, 1110], text: t.title, key: 'perm.title' },
          { cls: C.TV, pkg: PKG, bounds: [180, 1120, 900, 1260], text: t.message, key: 'perm.message' },
          ...buttons,
        ],
      },
    ],
  };
}

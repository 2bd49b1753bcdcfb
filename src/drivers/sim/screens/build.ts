/**
 * Helpers every screen uses to build its node tree, laid out on a 1080×2400 canvas and scaled
 * to the profile's real screen size at the end.
 */
import { type AppProfile, resourceId } from '../model/profiles.js';
import type { PhoneState } from '../model/state.js';
import type { PhoneStore } from '../model/store.js';
import type { Texts } from '../model/texts.js';
import type { Action, Bounds, UiNode } from '../ui/node.js';

/** Android widget classes, short. */
export const C = {
  FL: 'android.widget.FrameLayout',
  LL: 'android.widget.LinearLayout',
  RL: 'android.widget.RelativeLayout',
  VG: 'android.view.ViewGroup',
  V: 'android.view.View',
  TV: 'android.widget.TextView',
  IV: 'android.widget.ImageView',
  BTN: 'android.widget.Button',
  ET: 'android.widget.EditText',
  SV: 'android.widget.ScrollView',
  HSV: 'android.widget.HorizontalScrollView',
  RV: 'androidx.recyclerview.widget.RecyclerView',
  GV: 'android.widget.GridView',
  SW: 'android.widget.Switch',
  TOAST: 'android.widget.Toast',
} as const;

/** What a screen builder gets. */
export interface ScreenCtx {
  state: PhoneState;
  profile: AppProfile;
  t: Texts;
  now: number;
  store: PhoneStore;
}

/** Node options (everything but class and package). */
export type NodeOpts = Omit<UiNode, 'cls' | 'pkg'> & { idKey?: string };

/** Build app nodes for one screen. */
export function builder(ctx: ScreenCtx) {
  const pkg = ctx.profile.packageName;
  return {
    /** An app node; `idKey` becomes the profile's resource-id for that element. */
    n(cls: string, bounds: Bounds, opts: Partial<NodeOpts> = {}, children: UiNode[] = []): UiNode {
      const { idKey, ...rest } = opts;
      return {
        cls,
        pkg,
        bounds,
        ...(idKey ? { id: resourceId(ctx.profile, idKey), key: rest.key ?? idKey } : {}),
        ...rest,
        ...(children.length ? { children } : {}),
      };
    },
    tap(type: string, extra: Record<string, unknown> = {}): Action {
      return { type, ...extra };
    },
  };
}

/** The system status bar (as in the real dumps). */
export function statusBar(ctx: ScreenCtx): UiNode {
  const sys = 'com.android.systemui';
  return {
    cls: C.FL,
    pkg: sys,
    id: `${sys}:id/status_bar`,
    bounds: [0, 0, 1080, 132],
    key: 'sys.status',
    children: [
      { cls: C.TV, pkg: sys, id: `${sys}:id/clock`, text: '12:00', bounds: [44, 40, 150, 100] },
      {
        cls: C.LL,
        pkg: sys,
        id: `${sys}:id/battery`,
        desc: `Battery ${ctx.state.device_.battery} percent.`,
        bounds: [960, 40, 1040, 100],
      },
    ],
  };
}

/** A toast, as UiAutomator2 shows it (class android.widget.Toast). */
export function toast(ctx: ScreenCtx): UiNode | undefined {
  const text = ctx.state.app.toast;
  if (!text) return undefined;
  return { cls: C.TOAST, pkg: ctx.profile.packageName, text, bounds: [140, 2000, 940, 2100], key: 'toast' };
}

/** Scale a tree laid out on 1080×2400 to the profile's screen. */
export function scaleTree(node: UiNode, profile: AppProfile): UiNode {
  if (profile.width === 1080 && profile.height === 2400) return node;
  const sx = profile.width / 1080;
  const sy = profile.height / 2400;
  const walk = (n: UiNode): UiNode => ({
    ...n,
    bounds: [
      Math.round(n.bounds[0] * sx),
      Math.round(n.bounds[1] * sy),
      Math.round(n.bounds[2] * sx),
      Math.round(n.bounds[3] * sy),
    ],
    ...(n.children ? { children: n.children.map(walk) } : {}),
  });
  return walk(node);
}

/** The launcher (app not in front), the launch screen, and the Home/Friends/Inbox feed. */
import type { UiNode } from '../ui/node.js';
import { builder, C, type ScreenCtx } from './build.js';
import { bottomNav } from './common.js';

/** Android's home screen with the TikTok icon. */
export function launcherScreen(): UiNode[] {
  const pkg = 'com.android.launcher3';
  return [
    {
      cls: C.FL,
      pkg,
      bounds: [0, 132, 1080, 2400],
      key: 'launcher',
      children: [
        {
          cls: C.TV,
          pkg,
          text: 'TikTok',
          desc: 'TikTok',
          clickable: true,
          bounds: [60, 1900, 260, 2150],
          key: 'launcher.tiktok',
          tap: { type: 'launch' },
        },
      ],
    },
  ];
}

/** Cold start: no TikTok window yet (the real dump shows only the system bars). */
export function splashScreen(): UiNode[] {
  return [];
}

/** The video feed; Friends with no friends shows the "Connect with friends" empty state (A.7). */
export function feedScreen(ctx: ScreenCtx, tab: 'home' | 'friends' | 'inbox'): UiNode[] {
  const { n } = builder(ctx);
  const t = ctx.t;
  const content: UiNode[] = [];
  if (tab === 'friends') {
    content.push(
      n(C.TV, [153, 808, 926, 998], { text: 'Connect with friends to view their posts' }),
      n(C.BTN, [84, 1051, 996, 1167], {
        text: 'Connect with contacts',
        clickable: true,
        tap: { type: 'none' },
      }),
      n(C.LL, [459, 140, 646, 284], { desc: t.friends, selected: true }, [
        n(C.TV, [459, 183, 646, 241], { idKey: 'friends.title', text: t.friends, selected: true }),
      ]),
    );
  } else {
    content.push(
      n(C.V, [0, 0, 1080, 2208], {
        idKey: 'feed.video',
        desc: t.video,
        clickable: true,
        longClickable: true,
        tap: { type: 'none' },
      }),
      n(C.BTN, [912, 1320, 1080, 1478], {
        idKey: 'feed.like',
        desc: t.likeVideo,
        clickable: true,
        tap: { type: 'none' },
      }),
      n(C.BTN, [912, 1794, 1080, 1952], {
        idKey: 'feed.share',
        desc: t.shareVideo,
        clickable: true,
        tap: { type: 'none' },
      }),
      n(C.TV, [773, 136, 933, 288], { key: 'feed.forYou', text: t.forYou, selected: true }),
      n(C.TV, [465, 136, 658, 288], { key: 'feed.following', text: t.following }),
    );
  }
  content.push(
    n(C.BTN, [933, 138, 1080, 285], {
      idKey: 'feed.search',
      desc: t.search,
      clickable: true,
      tap: { type: 'none' },
    }),
  );
  return [n(C.FL, [0, 0, 1080, 2337], { key: `feed.${tab}` }, content), bottomNav(ctx, tab)];
}

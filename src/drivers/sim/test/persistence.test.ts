/** The phone outlives the runner and Appium: killing the server mid-walk loses nothing. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startAppium } from './support/appium.js';
import { openSimSession } from './support/sim.js';
import { by, launchAndDismiss, simState, tap, toPostScreen, UI } from './support/walk.js';

const home = mkdtempSync(join(tmpdir(), 'sim-persist-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

async function session(server: { url: string }, caps: Record<string, unknown>) {
  return openSimSession(server.url, 'persist', { simHome: join(home, 'phones'), ...caps });
}

describe('simulated phone persistence', () => {
  it('keeps drafts, the screen and the half-made post when Appium is SIGKILLed mid-walk', async () => {
    const first = await startAppium({ logFile: join(home, 'a1.log') });
    const s1 = await session(first, { simReset: true, simDrafts: 4 });
    await launchAndDismiss(s1, 'com.zhiliaoapp.musically', 'en');
    await toPostScreen(s1, 'en');
    await tap(s1, by.desc(UI.en.everyone));
    await tap(s1, by.desc(UI.en.onlyYou));
    const before = await simState(s1);
    process.kill(first.pid, 'SIGKILL');
    await first.exited;

    const second = await startAppium({ logFile: join(home, 'a2.log') });
    try {
      // No simReset: the same phone, as it was.
      const s2 = await session(second, {});
      const after = await simState(s2);
      expect(after.drafts.map((d) => d.id)).toEqual(before.drafts.map((d) => d.id));
      expect(after.app.stack.at(-1)).toEqual({ name: 'post' });
      expect(after.app.compose?.privacy).toBe('only_you');
      // The app is still on the post screen with "Only you" chosen: finish the post.
      expect(await (await s2.$(by.desc(UI.en.onlyYouRow))).isExisting()).toBe(true);
      await tap(s2, by.text(UI.en.post));
      const done = await simState(s2);
      expect(done.drafts).toHaveLength(3);
      expect(done.posts.map((p) => p.privacy)).toEqual(['only_you']);
      await s2.deleteSession();
    } finally {
      await second.stop();
    }
  });
});

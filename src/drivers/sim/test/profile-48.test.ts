/**
 * The tiktok-48.2.0 profile changes the way real updates do (model/profile-48.ts), through the
 * real Appium server and WebdriverIO: ids renamed (and the gallery entry left with its id only),
 * "Drafts" reworded "Save draft", Delete moved into a "More options" sheet, a new "Got it" tip
 * over the post screen. The 43.1.4 profile shows none of it.
 */
import { describe, expect, it } from 'vitest';
import { getProfile } from '../model/profiles.js';
import { useSimServer } from './support/sim.js';
import { by, launchAndDismiss, simState, swipeRow, tap, toPostScreen } from './support/walk.js';

const sim = useSimServer();
const PKG = 'com.zhiliaoapp.musically';
type Session = WebdriverIO.Browser;

const exists = async (s: Session, sel: string) => (await s.$(sel)).isExisting();

/** Create → camera: what the gallery entry (bottom left) carries; then back to the feed. */
async function galleryEntry(s: Session): Promise<{ id: string; desc: string }> {
  await tap(s, by.desc('Create'));
  const el = await s.$('android=new UiSelector().className("android.widget.FrameLayout").clickable(true)');
  const [id, desc] = [await el.getAttribute('resource-id'), await el.getAttribute('content-desc')];
  await s.back();
  return { id: String(id), desc: String(desc ?? '') };
}

describe('tiktok-48.2.0', () => {
  it('renames ids, rewords Drafts, moves Delete under More options and adds a tip; 43.1.4 is as before', async () => {
    const s = await sim.open('v48', { simReset: true, simDrafts: 2, simProfile: 'tiktok-48.2.0' });
    await launchAndDismiss(s, PKG, 'en');
    expect(getProfile('tiktok-48.2.0').versionName).toBe('48.2.0');
    // Renamed ids: Create is p2n now (mkn on 43.1.4), and the gallery entry has no desc left.
    expect(await exists(s, `id=${PKG}:id/p2n`)).toBe(true);
    expect(await exists(s, `id=${PKG}:id/mkn`)).toBe(false);
    expect(await galleryEntry(s)).toEqual({ id: `${PKG}:id/a7u`, desc: '' });

    await toPostScreen(s, 'en');
    // The tip covers the post screen: a pop-up window, so the screen below is in no tree until it goes.
    expect(await exists(s, by.text('Got it'))).toBe(true);
    expect(await exists(s, by.desc('Everyone can view this post'))).toBe(false);
    await tap(s, by.text('Got it'));
    expect(await exists(s, by.text('Got it'))).toBe(false);
    expect(await exists(s, by.text('Save draft'))).toBe(true);
    expect(await exists(s, by.text('Drafts'))).toBe(false);
    // Acknowledged: the next post screen opens without it.
    await s.back();
    await tap(s, by.text('Next'));
    expect(await exists(s, by.text('Got it'))).toBe(false);

    // Post privately, then the own video's menu: Delete is one sheet further, Back returns.
    await tap(s, by.desc('Everyone can view this post'));
    await tap(s, by.desc('Only you'));
    // The privacy sheet may stay open after the pick (variant privacySheet, tiktok-ui.md C.6).
    if (await exists(s, by.desc('Only you'))) await s.back();
    expect(await exists(s, by.desc('Only you can view this post'))).toBe(true);
    await tap(s, by.text('Post'));
    const post = (await simState(s)).posts[0]!;
    expect(post.privacy).toBe('only_you');
    await tap(s, by.desc('Profile'));
    await tap(s, by.desc('Private videos'));
    await tap(s, `id=${PKG}:id/cover`);
    await tap(s, by.desc('More'));
    // The save entry is "Download" or "Save video" by build (variant shareSave, C.9).
    const save = (await exists(s, by.desc('Download'))) ? 'Download' : 'Save video';
    expect(await exists(s, by.desc(save))).toBe(true);
    // The end of the sideways row: "More options" where Delete was.
    await swipeRow(s);
    expect(await exists(s, by.desc('Delete'))).toBe(false);
    await tap(s, by.desc('More options'));
    expect(await exists(s, by.desc('Delete'))).toBe(true);
    await s.back();
    expect(await exists(s, by.desc('Delete'))).toBe(false);
    expect(await exists(s, by.desc('More options'))).toBe(true);
    await s.back();
    expect((await simState(s)).posts).toHaveLength(1);
    await sim.close(s);

    const old = await sim.open('v43', { simReset: true, simDrafts: 1, simProfile: 'tiktok-43.1.4' });
    await launchAndDismiss(old, PKG, 'en');
    // 43.1.4's own id; no desc either by default (galleryEntry variant `bare`, as in every capture, C.10).
    expect(await galleryEntry(old)).toEqual({ id: `${PKG}:id/ymg`, desc: '' });
    await toPostScreen(old, 'en');
    expect(await exists(old, by.text('Got it'))).toBe(false);
    expect(await exists(old, by.text('Drafts'))).toBe(true);
    await sim.close(old);
  });
});

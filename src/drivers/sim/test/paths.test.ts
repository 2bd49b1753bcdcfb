/** The other app paths the product uses: restore through the picker, deleting, saving from the player, scrolling. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeVideo } from '../model/media.js';
import { useSimServer } from './support/sim.js';
import { by, launchAndDismiss, simState, swipeRow, tap, toPostScreen, UI } from './support/walk.js';

const sim = useSimServer();
const PKG = 'com.zhiliaoapp.musically';
const t = UI.en;

describe('simulated app paths', () => {
  it('restore: a pushed video is picked in the gallery and saved as a new draft', async () => {
    const s = await sim.open('p-restore', { simReset: true, simDrafts: 2 });
    const video = await encodeVideo(4242, 'restored');
    await s.pushFile('/sdcard/Movies/restore-me.mp4', video.bytes.toString('base64'));
    await launchAndDismiss(s, PKG, 'en');
    await tap(s, by.desc('Create'));
    // No content-desc on the gallery entry (tiktok-ui.md C.10): 43.1.4's id ymg.
    await tap(s, 'android=new UiSelector().resourceId("com.zhiliaoapp.musically:id/ymg")');
    await tap(s, by.desc('Video 1'));
    await tap(s, by.text(t.next)); // picker
    // The picker stays mounted under the editor (tiktok-ui.md E9): two "Next" match; the front one is last.
    const nexts = await s.$$(by.text(t.next));
    expect(nexts).toHaveLength(2);
    await nexts[1]!.click();
    await tap(s, by.text('Drafts')); // post screen: save as draft
    expect(await (await s.$('//android.widget.Toast')).getText()).toBe('Saved to drafts');
    const st = await simState(s);
    expect(st.drafts).toHaveLength(3);
    expect(st.drafts[0]!.media.sha256).toBe(createHash('sha256').update(video.bytes).digest('hex'));
    expect(st.posts).toHaveLength(0);
    expect(await (await s.$(by.textStarts('Drafts:'))).getText()).toBe('Drafts: 3');
  });

  it('drafts Select → tap → Delete (1) → confirm removes exactly that draft', async () => {
    const s = await sim.open('p-del', { simReset: true, simDrafts: 3 });
    await launchAndDismiss(s, PKG, 'en');
    await tap(s, by.desc(t.profile));
    await tap(s, by.textStarts(t.draftsPrefix));
    const victim = (await simState(s)).drafts[1]!;
    await tap(s, by.text('Select'));
    await tap(s, by.text(victim.caption));
    await tap(s, by.text('Delete (1)'));
    expect(await (await s.$(by.text('Delete draft?'))).isExisting()).toBe(true);
    await tap(s, by.text('Delete'));
    const ids = (await simState(s)).drafts.map((d) => d.id);
    expect(ids).toHaveLength(2);
    expect(ids).not.toContain(victim.id);
  });

  it('own private video: Download writes a file to DCIM/Camera; Delete, past a sideways swipe, removes the post', async () => {
    const s = await sim.open('p-player', { simReset: true, simDrafts: 1 });
    await launchAndDismiss(s, PKG, 'en');
    await toPostScreen(s, 'en');
    await tap(s, by.desc(t.everyone));
    await tap(s, by.desc(t.onlyYou));
    await tap(s, by.text(t.post));
    await tap(s, by.desc(t.profile));
    await tap(s, by.desc('Private videos'));
    await tap(s, 'android=new UiSelector().resourceId("com.zhiliaoapp.musically:id/cover")');
    await tap(s, by.desc('More'));
    await tap(s, by.desc('Download'));
    await s.getPageSource();
    const ls = (await s.execute('mobile: shell', { command: 'ls', args: ['/sdcard/DCIM/Camera'] })) as string;
    expect(ls.trim().split('\n')).toHaveLength(1);
    await tap(s, by.desc('More'));
    // Delete is not in the tree until the row of actions is swiped sideways (C.9).
    expect(await (await s.$(by.desc('Delete'))).isExisting()).toBe(false);
    await swipeRow(s);
    await tap(s, by.desc('Delete'));
    await tap(s, '//android.widget.Button[@text="Delete"]');
    expect((await simState(s)).posts).toHaveLength(0);
  });

  it('UiScrollable scrolls the drafts grid to a draft below the fold; a swipe scrolls too', async () => {
    const s = await sim.open('p-scroll', { simReset: true, simDrafts: 30 });
    await launchAndDismiss(s, PKG, 'en');
    await tap(s, by.desc(t.profile));
    await tap(s, by.textStarts(t.draftsPrefix));
    const last = (await simState(s)).drafts.at(-1)!;
    expect(await (await s.$(by.text(last.caption))).isExisting()).toBe(false);
    const el = await s.$(
      `android=new UiScrollable(new UiSelector().scrollable(true)).scrollIntoView(new UiSelector().text("${last.caption}"))`,
    );
    expect(await el.getText()).toBe(last.caption);
    const top = (await simState(s)).drafts[0]!;
    expect(await (await s.$(by.text(top.caption))).isExisting()).toBe(false);
    // Four swipes down (finger moving down) bring the top of the grid back.
    for (let k = 0; k < 4; k++) {
      await s
        .action('pointer', { parameters: { pointerType: 'touch' } })
        .move({ x: 540, y: 800 })
        .down()
        .move({ x: 540, y: 2000, duration: 200 })
        .up()
        .perform();
    }
    expect(await (await s.$(by.text(top.caption))).isExisting()).toBe(true);
  });

  it('settings: waitForIdleTimeout is accepted and reported', async () => {
    const s = await sim.open('p-settings', { simReset: true, simDrafts: 0 });
    await s.updateSettings({ waitForIdleTimeout: 100 });
    expect((await s.getSettings()).waitForIdleTimeout).toBe(100);
  });
});

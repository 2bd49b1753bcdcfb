/** Every fault the simulator can inject, switched on by capability and observed through WebDriver. */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { POPUP_KINDS } from '../model/state.js';
import { useSimServer } from './support/sim.js';
import { by, launchAndDismiss, simState, tap, toPostScreen, UI } from './support/walk.js';

const sim = useSimServer();
const PKG = 'com.zhiliaoapp.musically';
const t = UI.en;

async function ready(name: string, faults: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const s = await sim.open(name, { simReset: true, simDrafts: 3, simFaults: faults, ...extra });
  await launchAndDismiss(s, PKG, 'en');
  return s;
}

async function toast(s: WebdriverIO.Browser): Promise<string | undefined> {
  const el = await s.$('//android.widget.Toast');
  return (await el.isExisting()) ? await el.getText() : undefined;
}

describe('simulator faults', () => {
  it('popupRate: random pop-ups appear over screens and Back dismisses them', async () => {
    const s = await ready('f-popup', { popupRate: 1 });
    await (await s.$(by.desc(t.profile))).click();
    const popup = (await simState(s)).app.popup;
    expect(POPUP_KINDS).toContain(popup);
    await s.back();
    expect((await simState(s)).app.popup).toBeUndefined();
  });

  it('uploadFailures: the upload fails, the toast says so and the draft is back in the list', async () => {
    const s = await ready('f-upload', { uploadFailures: 1 });
    await toPostScreen(s, 'en');
    await tap(s, by.text(t.post));
    expect(await toast(s)).toBe('Couldn’t upload video. The video was saved to your drafts.');
    const st = await simState(s);
    expect(st.drafts).toHaveLength(3);
    expect(st.posts).toHaveLength(0);
  });

  it('slowUploadFactor: the progress badge shows a percentage until the upload ends', async () => {
    // The badge is a window of its own (tt4663_en_publish_uploading.xml): only a lookup that sees
    // every window (enableMultiWindows) finds it; the UiSelector of the active window never does.
    const s = await ready('f-slow', { slowUploadFactor: 50 }, { simTimeScale: 0.01, simMultiWindows: true });
    await toPostScreen(s, 'en');
    await tap(s, by.text(t.post));
    const naive = await s.$('android=new UiSelector().textMatches("\\d{1,2}%")');
    expect(await naive.isExisting()).toBe(false);
    const badge = await s.$('//android.widget.TextView[contains(@text, "%")]');
    expect(await badge.isExisting()).toBe(true);
    expect((await simState(s)).posts[0]!.status).toBe('uploading');
    await badge.waitForExist({ reverse: true, timeout: 30_000, interval: 100 });
    expect((await simState(s)).posts[0]!.status).toBe('posted');
  });

  it('crashAtCommand: the app closes, state kept', async () => {
    const s = await ready('f-crash', { crashAtCommand: 12 });
    const drafts = (await simState(s)).drafts.length;
    for (let i = 0; i < 12; i++) await s.getPageSource();
    expect(await s.queryAppState(PKG)).toBe(1);
    expect((await simState(s)).drafts).toHaveLength(drafts);
  });

  it('crashOnPost: the app closes right after Post, and the upload still completes', async () => {
    const s = await ready('f-crashpost', { crashOnPost: 1 });
    await toPostScreen(s, 'en');
    await tap(s, by.text(t.post));
    expect(await s.queryAppState(PKG)).toBe(1);
    const st = await simState(s);
    expect(st.drafts).toHaveLength(2);
    expect(st.posts[0]!.status).toBe('posted');
  });

  it('privacyNotStick: the choice silently does not stick the first time', async () => {
    const s = await ready('f-privacy', { privacyNotStick: 1 });
    await toPostScreen(s, 'en');
    await tap(s, by.desc(t.everyone));
    await tap(s, by.desc(t.onlyYou));
    expect(await (await s.$(by.desc(t.everyone))).isExisting()).toBe(true);
    await tap(s, by.desc(t.everyone));
    await tap(s, by.desc(t.onlyYou));
    expect(await (await s.$(by.desc(t.onlyYouRow))).isExisting()).toBe(true);
  });

  it('storageFull: the post goes up but no file is saved, and a toast says why', async () => {
    const s = await ready('f-storage', { storageFull: true });
    await toPostScreen(s, 'en');
    await tap(s, by.descStarts(t.moreOptions));
    await tap(s, by.text(t.saveToDevice));
    await s.back();
    await tap(s, by.text(t.post));
    await s.getPageSource();
    expect(await toast(s)).toMatch(/Not enough storage/);
    const listing = (await s.execute('mobile: shell', {
      command: 'ls',
      args: ['/sdcard/DCIM/Camera'],
    })) as string;
    expect(listing.trim()).toBe('');
    expect((await simState(s)).posts[0]!.status).toBe('posted');
    // Its df says so too: nothing available on shared storage.
    const df = (await s.execute('mobile: shell', { command: 'df', args: ['-k', '/sdcard'] })) as string;
    expect(df.split('\n')[0]).toMatch(/^Filesystem +1K-blocks +Used +Available +Use% +Mounted on$/);
    expect(df.split('\n')[1]!.split(/\s+/)[3]).toBe('0');
  });

  it('df -k: the gallery files are the used part of a 64 GiB storage', async () => {
    const s = await sim.open('f-df', { simReset: true, simDrafts: 1 });
    const avail = async () =>
      Number(
        ((await s.execute('mobile: shell', { command: 'df', args: ['-k', '/sdcard'] })) as string)
          .split('\n')[1]!
          .split(/\s+/)[3],
      );
    const before = await avail();
    expect(before).toBeLessThanOrEqual(64 * 1024 * 1024);
    await s.pushFile('/sdcard/Movies/big.mp4', Buffer.alloc(2 * 1024 * 1024).toString('base64'));
    expect(before - (await avail())).toBe(2048);
  });

  it('notInstalled: app state 0, activateApp fails, dumpsys knows no such package', async () => {
    const s = await sim.open('f-missing', {
      simReset: true,
      simDrafts: 1,
      simFaults: { notInstalled: true },
    });
    expect(await s.queryAppState(PKG)).toBe(0);
    await expect(s.activateApp(PKG)).rejects.toThrow(/is not installed/);
    const dump = (await s.execute('mobile: shell', { command: 'dumpsys', args: ['package', PKG] })) as string;
    expect(dump).toBe('');
    expect((await simState(s)).drafts).toHaveLength(1);
  });

  it('appVersion: dumpsys reports that version instead of the profile’s', async () => {
    const s = await sim.open('f-version', {
      simReset: true,
      simDrafts: 1,
      simFaults: { appVersion: '49.2.0' },
    });
    const dump = (await s.execute('mobile: shell', { command: 'dumpsys', args: ['package', PKG] })) as string;
    expect(dump).toMatch(/^ {4}versionName=49\.2\.0$/m);
    expect(await s.queryAppState(PKG)).not.toBe(0);
  });

  it('invisibleOverlay: taps are absorbed, the page source does not show it, a screenshot does', async () => {
    const s = await ready('f-overlay', { invisibleOverlay: 1 });
    await toPostScreen(s, 'en');
    const xml = await s.getPageSource();
    expect(xml).not.toContain('[0,600][1080,2400]');
    await tap(s, by.text(t.post));
    expect((await simState(s)).drafts).toHaveLength(3); // nothing was posted
    const png = PNG.sync.read(Buffer.from(await s.takeScreenshot(), 'base64'));
    const i = (375 * png.width + 135) * 4; // (540, 1500) at quarter scale
    expect([png.data[i], png.data[i + 1], png.data[i + 2]]).toEqual([254, 44, 85]);
    await s.back(); // Back dismisses it, as on the real app
    await tap(s, by.text(t.post));
    expect((await simState(s)).drafts).toHaveLength(2);
  });

  it('duplicateNext: two "Next" nodes match in the editor; only the front one works', async () => {
    const s = await ready('f-next', { duplicateNext: true });
    await tap(s, by.desc(t.profile));
    await tap(s, by.textStarts(t.draftsPrefix));
    await tap(s, by.text((await simState(s)).drafts[0]!.caption));
    const nexts = await s.$$(by.text(t.next));
    expect(nexts).toHaveLength(2);
    await nexts[0]!.click(); // the picker's Next, under the editor: the tap lands on the editor
    expect((await simState(s)).app.stack.at(-1)).toEqual({ name: 'editor' });
    await (await s.$$(by.text(t.next)))[1]!.click();
    expect((await simState(s)).app.stack.at(-1)).toEqual({ name: 'post' });
  });
  it('unknownPopup: a pop-up no watcher knows covers the next screen; only Back closes it', async () => {
    const s = await ready('f-unknown', { unknownPopup: 1 });
    await (await s.$(by.desc(t.profile))).click();
    expect((await simState(s)).app.popup).toBe('unknown');
    expect(await s.getPageSource()).toContain('Enjoying TikTok?');
    await tap(s, by.text('Maybe later'));
    expect((await simState(s)).app.popup).toBe('unknown');
    await s.back();
    expect((await simState(s)).app.popup).toBeUndefined();
    await tap(s, by.textStarts(t.draftsPrefix));
    expect((await simState(s)).app.popup).toBeUndefined();
  });

  it('disconnectAtCommand: from the Nth command on, every command fails as with a phone adb lost', async () => {
    const s = await sim.open('f-gone', {
      simReset: true,
      simDrafts: 1,
      simFaults: { disconnectAtCommand: 3 },
    });
    await s.getPageSource();
    await s.getPageSource();
    await expect(s.getPageSource()).rejects.toThrow(/device 'f-gone' not found/);
    await expect(s.queryAppState(PKG)).rejects.toThrow(/not found/);
  });
  it('vanishAtCommand and vanishAfterPosts: the phone is gone from that command on, once', async () => {
    const s = await sim.open('f-vanish', { simReset: true, simDrafts: 1, simFaults: { vanishAtCommand: 2 } });
    await s.getPageSource();
    await expect(s.getPageSource()).rejects.toThrow(/simulated phone "f-vanish" is gone/);
    await s.deleteSession().catch(() => undefined);
    // Back for the next session; now it goes away right after its first post, not before.
    const p = await sim.open('f-vanish', { simFaults: { vanishAfterPosts: 1 } });
    await launchAndDismiss(p, PKG, 'en');
    await toPostScreen(p, 'en');
    await tap(p, by.text(t.post));
    await expect(p.getPageSource()).rejects.toThrow(/is gone/);
  });
});

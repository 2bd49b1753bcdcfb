/**
 * Windows as UiAutomator2 sees them (ui/windows.ts; tiktok-ui.md C.1, C.8, C.14;
 * appium-uiautomator2-driver docs/android-multiwindow.md), and the keyboard (screens/keyboard.ts):
 * what a naive client relies on and a phone does not give.
 */
import { describe, expect, it } from 'vitest';
import { useSimServer } from './support/sim.js';
import { by, launchAndDismiss, simState, tap, toPostScreen, UI } from './support/walk.js';

const sim = useSimServer();
const PKG = 'com.zhiliaoapp.musically';
const t = UI.en;

async function count(s: WebdriverIO.Browser, selector: string): Promise<number> {
  return (await s.$$(selector)).length;
}

describe('windows', () => {
  it('a pop-up is the active window and hides the screen below from every lookup and the page source', async () => {
    // tiktok-ui.md C.1: the 43.1.4 contacts dialog's page source holds only the dialog.
    const s = await sim.open('w-popup', { simReset: true, simDrafts: 1 });
    await s.activateApp(PKG);
    await (await s.$(by.text(t.notNow))).waitForExist({ timeout: 10_000 });
    // A naive client takes the missing bottom bar for a dead app: it is a pop-up in front.
    expect(await count(s, by.desc(t.profile))).toBe(0);
    expect(await count(s, '//*[@content-desc="Profile"]')).toBe(0);
    expect(await s.getPageSource()).not.toContain('content-desc="Profile"');
    expect(await count(s, by.text(t.notNow))).toBe(1);
    await s.updateSettings({ enableMultiWindows: true });
    expect(await count(s, '//*[@content-desc="Profile"]')).toBe(0);
    await s.updateSettings({ enableMultiWindows: false });
    await tap(s, by.text(t.notNow));
    await tap(s, by.text(t.dontAllow));
    expect(await count(s, by.desc(t.profile))).toBe(1);
  });

  it('the upload badge is its own window: only an all-window lookup sees it, never UiSelector', async () => {
    // tiktok-ui.md C.8: the 46.6.3 "66%" badge is a separate window (tt4663_en_publish_uploading.xml).
    const s = await sim.open('w-badge', {
      simReset: true,
      simDrafts: 1,
      simTimeScale: 1,
      simFaults: { slowUploadFactor: 100 },
    });
    await launchAndDismiss(s, PKG, 'en');
    await toPostScreen(s, 'en');
    await tap(s, by.text(t.post));
    expect((await simState(s)).uploads).toHaveLength(1);
    const ui = 'android=new UiSelector().textMatches("\\d{1,3}%")';
    const xp = '//android.widget.TextView[contains(@text, "%")]';
    expect(await count(s, ui)).toBe(0);
    expect(await count(s, xp)).toBe(0);
    await s.updateSettings({ enableMultiWindows: true });
    expect(await count(s, xp)).toBe(1);
    expect(await count(s, ui)).toBe(0);
    expect(await s.getPageSource()).toMatch(/text="\d{1,3}%"/);
    // The grid tile of the own profile shows the same progress, in the active window (C.8, 43.1.4).
    await s.updateSettings({ enableMultiWindows: false });
    await tap(s, by.desc(t.profile));
    expect(await count(s, ui)).toBe(1);
  });
});

describe('keyboard', () => {
  it('setting the caption does not open the keyboard; tapping the field does; Back then closes only the keyboard', async () => {
    // tiktok-ui.md C.14: UiAutomator2's set-text is ACTION_SET_TEXT on the node, never a tap.
    const s = await sim.open('w-kb', { simReset: true, simDrafts: 2 });
    await launchAndDismiss(s, PKG, 'en');
    await toPostScreen(s, 'en');
    const caption = await s.$('android=new UiSelector().className("android.widget.EditText")');
    await caption.setValue('hello #dv');
    expect(await s.isKeyboardShown()).toBe(false);
    expect(await s.execute('mobile: isKeyboardShown')).toBe(false);
    await caption.click();
    expect(await s.isKeyboardShown()).toBe(true);
    // The keyboard is a window of its own: the post screen stays the active one.
    expect(await count(s, by.desc(t.everyone))).toBe(1);
    await s.back();
    expect(await s.isKeyboardShown()).toBe(false);
    expect(await count(s, by.desc(t.everyone))).toBe(1);
    // A naive flow's "Back to close the keyboard" with no keyboard up leaves the post screen.
    await s.back();
    expect(await count(s, by.desc(t.everyone))).toBe(0);
    expect((await simState(s)).app.stack.at(-1)?.name).toBe('editor');
  });
});

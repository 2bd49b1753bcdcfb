/**
 * The simulated iPhone: XCUITest-shaped page source and the iOS locator strategies, through the
 * same Appium server and client. (No real iOS TikTok hierarchy is public: see tiktok-ui.md B.5.)
 */
import { describe, expect, it } from 'vitest';
import { useSimServer } from './support/sim.js';
import { simState, tapIos } from './support/walk.js';

const sim = useSimServer();
const pred = (p: string) => `-ios predicate string:${p}`;
const chain = (c: string) => `-ios class chain:${c}`;

describe('simulated iPhone', () => {
  it('class-name and predicate searches include the application itself, named after the app in front', async () => {
    const s = await sim.open('ios-app', { simReset: true, simDrafts: 1 }, {}, 'ios');
    const app = pred('type == "XCUIElementTypeApplication" AND label == "TikTok"');
    // On the home screen the application in front is SpringBoard, not TikTok.
    expect(await s.$$(app)).toHaveLength(0);
    expect(await s.$$(pred('label == "SpringBoard"'))).toHaveLength(1);
    await s.activateApp('com.zhiliaoapp.musically');
    expect(await s.$$(app)).toHaveLength(1);
    expect(await s.$$('XCUIElementTypeApplication')).toHaveLength(1);
    expect(await (await s.$(app)).getAttribute('label')).toBe('TikTok');
    // Accessibility id matches the identifier, and the application has none (its source name is its label).
    expect(await s.$$('~TikTok')).toHaveLength(0);
  });

  it('walks a draft to a private post with Save to device using iOS locators', async () => {
    const s = await sim.open('ios-1', { simReset: true, simDrafts: 2 }, {}, 'ios');
    await s.activateApp('com.zhiliaoapp.musically');
    const src = await s.getPageSource();
    expect(src).toMatch(
      /^<\?xml[^>]*\?><AppiumAUT><XCUIElementTypeApplication type="XCUIElementTypeApplication" name="TikTok"/,
    );
    expect(src).not.toContain('resource-id');
    await tapIos(s, pred('label == "Not now"'));
    await tapIos(s, pred("label ==[c] 'don’t allow'"));
    await tapIos(s, '~Profile');
    await tapIos(s, pred('label BEGINSWITH "Drafts:"'));
    const cells = await s.$$(chain('**/XCUIElementTypeCollectionView/XCUIElementTypeCell'));
    expect(cells).toHaveLength(2);
    await tapIos(s, chain('**/XCUIElementTypeCell[1]'));
    await tapIos(s, pred('type == "XCUIElementTypeStaticText" AND label == "Next"'));
    await tapIos(s, pred('label CONTAINS "can view this post"'));
    await tapIos(s, '~Only you');
    expect(await (await s.$('~Only you can view this post')).isExisting()).toBe(true);
    await tapIos(s, pred('label BEGINSWITH "More options"'));
    const sw = await s.$(chain('**/XCUIElementTypeSwitch[1]'));
    expect(await sw.getAttribute('value')).toBe('0');
    await tapIos(s, pred('label == "Save to device" AND type == "XCUIElementTypeStaticText"'));
    expect(await (await s.$(chain('**/XCUIElementTypeSwitch[1]'))).getAttribute('value')).toBe('1');
    await s.back();
    await tapIos(s, chain('**/XCUIElementTypeButton[`label == "Post"`]'));
    const st = await simState(s);
    expect(st.platform).toBe('ios');
    expect(st.drafts).toHaveLength(1);
    expect(st.posts[0]).toMatchObject({ privacy: 'only_you', status: 'posted' });
    // Saved into Photos under the name Photos gave it: the first item of an empty library.
    const saved = Buffer.from(await s.pullFile('/DCIM/100APPLE/IMG_0001.MP4'), 'base64');
    expect(saved.includes(Buffer.from('draftvault-sim ios-1/d'))).toBe(true);
  });

  it('rejects Android strategies and bad predicates as invalid selectors', async () => {
    const s = await sim.open('ios-2', { simReset: true, simDrafts: 1 }, {}, 'ios');
    await expect(s.findElement('-android uiautomator', 'new UiSelector().text("x")')).rejects.toThrow(
      /not supported/,
    );
    await expect(s.findElement('-ios predicate string', 'label ==')).rejects.toMatchObject({
      name: 'invalid selector',
    });
    await expect(s.findElement('-ios predicate string', 'colour == "red"')).rejects.toMatchObject({
      name: 'invalid selector',
    });
  });

  it('a phone keeps its platform: an Android session on an iPhone is refused', async () => {
    await sim.open('ios-3', { simReset: true, simDrafts: 1 }, {}, 'ios').then((s) => sim.close(s));
    await expect(sim.open('ios-3', {})).rejects.toMatchObject({
      message: expect.stringMatching(/iOS phone, not Android/),
    });
  });
});

/**
 * `-android uiautomator` with `;`-separated statements: one request, the union of the statements'
 * matches in statement order (the UiAutomator2 server's behaviour), through the real server.
 */
import { describe, expect, it } from 'vitest';
import { useSimServer } from './support/sim.js';
import { by, UI as TEXTS, tap, toPostScreen } from './support/walk.js';

const sim = useSimServer();
const UI = '-android uiautomator';
const T = TEXTS.en;
const ids = (refs: unknown) => (refs as Record<string, string>[]).map((r) => Object.values(r)[0]);

describe('UiSelector statements', () => {
  it('finds the union of every statement, each node once, in statement order', async () => {
    const s = await sim.open('union', { simReset: true, simDrafts: 1, simLaunchPopups: [] });
    await s.activateApp('com.zhiliaoapp.musically');
    const home = ids(await s.findElements(UI, 'new UiSelector().description("Home")'));
    const profile = ids(await s.findElements(UI, 'new UiSelector().description("Profile")'));
    expect(home).toHaveLength(1);
    expect(profile).toHaveLength(1);
    const both = ids(
      await s.findElements(
        UI,
        'new UiSelector().description("Profile");new UiSelector().description("Home"); new UiSelector().description("Profile")',
      ),
    );
    expect(both).toEqual([...profile, ...home]);
    // Nothing matches either statement: an empty list, not an error.
    expect(await s.findElements(UI, 'new UiSelector().text("nope");new UiSelector().text("none")')).toEqual(
      [],
    );
  });

  it('keeps a ; inside a string literal', async () => {
    const s = await sim.open('union-literal', { simReset: true, simDrafts: 1, simLaunchPopups: [] });
    await s.activateApp('com.zhiliaoapp.musically');
    // "a;b" is one statement's argument: it matches no node rather than failing to parse.
    expect(await s.findElements(UI, 'new UiSelector().text("a;b")')).toEqual([]);
    const profile = ids(await s.findElements(UI, 'new UiSelector().descriptionMatches("Pro;?file")'));
    expect(profile).toHaveLength(1);
  });
});

describe('UiSelector relations and case', () => {
  it('childSelector finds inside each match, fromParent among its siblings; *Contains ignores case', async () => {
    const s = await sim.open('relations', { simReset: true, simDrafts: 1, simLaunchPopups: [] });
    await s.activateApp('com.zhiliaoapp.musically');
    const desc = async (refs: unknown) =>
      Promise.all(ids(refs).map((id) => s.getElementAttribute(id!, 'content-desc')));
    // The bottom bar holds Profile; Profile's siblings include Home, and Profile is not its own sibling.
    const bar =
      'new UiSelector().descriptionContains("home").fromParent(new UiSelector().description("Profile"))';
    expect(await desc(await s.findElements(UI, bar))).toEqual(['Profile']);
    const self =
      'new UiSelector().description("Profile").fromParent(new UiSelector().description("Profile"))';
    expect(await s.findElements(UI, self)).toEqual([]);
    // A child of the window's content frame, never the frame itself.
    const inside =
      'new UiSelector().resourceId("android:id/content").childSelector(new UiSelector().description("Profile"))';
    expect(await desc(await s.findElements(UI, inside))).toEqual(['Profile']);
    const none =
      'new UiSelector().description("Profile").childSelector(new UiSelector().description("Profile"))';
    expect(await s.findElements(UI, none)).toEqual([]);
    // Case: the server lower-cases both sides of textContains / descriptionStartsWith.
    expect(await s.findElements(UI, 'new UiSelector().descriptionStartsWith("PROFI")')).toHaveLength(1);
    expect(await s.findElements(UI, 'new UiSelector().description("PROFILE")')).toEqual([]);
    await expect(s.findElements(UI, 'new UiSelector().description("Profile").bogus(1)')).rejects.toThrow(
      /unsupported UiSelector method bogus/,
    );
  });

  it('a refinement inside a refinement looks in the whole window: the switch in the label’s sibling', async () => {
    const s = await sim.open('nested', { simReset: true, simDrafts: 1, simLaunchPopups: [] });
    await s.activateApp('com.zhiliaoapp.musically');
    await toPostScreen(s, 'en');
    await tap(s, by.text(T.moreOptions));
    // "Save to device" is a TextView beside a FrameLayout that holds the Switch (tt4314 dumps).
    const on = (checked: boolean) =>
      `new UiSelector().text("${T.saveToDevice}").fromParent(new UiSelector().className("android.widget.FrameLayout").childSelector(new UiSelector().className("android.widget.Switch").checked(${checked})))`;
    const xpath = `//*[@text="${T.saveToDevice}"]/following-sibling::android.widget.FrameLayout/android.widget.Switch`;
    const theSwitch = ids(await s.findElements('xpath', xpath));
    expect(theSwitch).toHaveLength(1);
    expect(ids(await s.findElements(UI, on(false)))).toEqual(theSwitch);
    expect(await s.findElements(UI, on(true))).toEqual([]);
    await tap(s, by.text(T.saveToDevice));
    expect(ids(await s.findElements(UI, on(true)))).toEqual(theSwitch);
  });
});

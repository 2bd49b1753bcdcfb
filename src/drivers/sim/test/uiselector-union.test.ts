/**
 * `-android uiautomator` with `;`-separated statements: one request, the union of the statements'
 * matches in statement order (the UiAutomator2 server's behaviour), through the real server.
 */
import { describe, expect, it } from 'vitest';
import { useSimServer } from './support/sim.js';

const sim = useSimServer();
const UI = '-android uiautomator';
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

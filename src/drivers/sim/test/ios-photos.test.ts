/**
 * The simulated iPhone's Photos library and its permission alert, through the Appium server and
 * WebdriverIO, as the XCUITest driver and WebDriverAgent answer (model/photos.ts,
 * driver/ios-files.ts, screens/permission-ios.ts, ui/windows.ts).
 */
import { describe, expect, it } from 'vitest';
import { iosVisible } from '../ui/ios-xml.js';
import { finalize, type UiNode } from '../ui/node.js';
import { useSimServer } from './support/sim.js';
import { simState, tapIos } from './support/walk.js';

const sim = useSimServer();
const pred = (p: string) => `-ios predicate string:${p}`;
const PKG = 'com.zhiliaoapp.musically';
const COUNTER = '/PhotoData/MISC/DCIM_APPLE.plist';
const pull = async (s: WebdriverIO.Browser, p: string) => Buffer.from(await s.pullFile(p), 'base64');
const counter = async (s: WebdriverIO.Browser) =>
  /DCIMLastFileNumber<\/key>\s*<integer>(\d+)/.exec((await pull(s, COUNTER)).toString())?.[1];

describe('the simulated iPhone: Photos', () => {
  it('pushFile imports into Photos (named IMG_0001.MP4, counted); pullFile reads the media partition; no shell', async () => {
    const s = await sim.open('ios-ph-1', { simReset: true, simDrafts: 1 }, {}, 'ios');
    await expect(s.pullFile(COUNTER)).rejects.toThrow(/does not exist/); // an empty library
    const video = Buffer.from('not really a video');
    await s.pushFile('/Downloads/a.mp4', video.toString('base64'));
    expect(await counter(s)).toBe('1');
    expect(await pull(s, '/DCIM/100APPLE/IMG_0001.MP4')).toEqual(video);
    // Not where it was pushed: Photos keeps its own copy under its own name.
    await expect(s.pullFile('/Downloads/a.mp4')).rejects.toThrow(/does not exist/);
    // `..` stays on the media partition; container paths of an app without file sharing are refused.
    await expect(s.pullFile('/../../../etc/passwd')).rejects.toThrow(/does not exist/);
    await expect(s.pullFile('@com.zhiliaoapp.musically:documents/x.mp4')).rejects.toThrow(/does not share/);
    await expect(s.execute('mobile: shell', { command: 'ls', args: ['/DCIM'] })).rejects.toThrow(
      /Unsupported execute method 'mobile: shell'/,
    );
    const apps = (await s.execute('mobile: listApps', { applicationType: 'User' })) as Record<string, object>;
    expect(apps[PKG]).toMatchObject({ CFBundleShortVersionString: '43.1.4' });
  });

  it('the file-only variant: a pushed file lands on the media partition, Photos does not count it', async () => {
    const s = await sim.open(
      'ios-ph-2',
      { simReset: true, simVariants: { iosPush: 'file-only' } },
      {},
      'ios',
    );
    await s.pushFile('/Downloads/a.mp4', Buffer.from('x').toString('base64'));
    expect((await pull(s, '/Downloads/a.mp4')).toString()).toBe('x');
    await expect(s.pullFile(COUNTER)).rejects.toThrow(/does not exist/);
  });
});

describe('the simulated iPhone: the Photos permission alert', () => {
  async function toAlert(name: string) {
    const s = await sim.open(
      name,
      { simReset: true, simDrafts: 1, simPermissions: { media: 'ask' }, simLaunchPopups: [] },
      {},
      'ios',
    );
    await s.pushFile('/Downloads/a.mp4', Buffer.from('x').toString('base64'));
    await s.activateApp(PKG);
    await tapIos(s, '~Create');
    await tapIos(s, '~Upload');
    expect((await simState(s)).app.permissionAsk?.name).toBe('media');
    return s;
  }

  it('is SpringBoard’s: out of reach of lookups without respectSystemAlerts, and it takes the taps meant for TikTok', async () => {
    const s = await toAlert('ios-alert-1');
    expect(await s.$$(pred('label == "Allow Full Access"'))).toHaveLength(0);
    expect(await s.getPageSource()).not.toContain('Allow Full Access');
    // TikTok's own screen is still what the lookups see, but a tap on it lands on the alert.
    const before = JSON.stringify((await simState(s)).app.stack);
    await tapIos(s, '~Upload');
    expect(JSON.stringify((await simState(s)).app.stack)).toBe(before);
    expect((await simState(s)).app.permissionAsk?.name).toBe('media');
  });

  it('with respectSystemAlerts the lookups and the page source are SpringBoard’s alert; Allow Full Access opens the library', async () => {
    const s = await toAlert('ios-alert-2');
    await s.updateSettings({ respectSystemAlerts: true });
    const src = await s.getPageSource();
    expect(src).toMatch(/<XCUIElementTypeApplication type="XCUIElementTypeApplication" name="SpringBoard"/);
    expect(src).toContain('<XCUIElementTypeAlert');
    expect(src).not.toContain('name="Create"'); // TikTok is not searched while SpringBoard's alert is up
    expect(await s.$$(pred('label == "Don’t Allow" AND type == "XCUIElementTypeButton"'))).toHaveLength(1);
    await tapIos(s, pred('label == "Allow Full Access" AND type == "XCUIElementTypeButton"'));
    const st = await simState(s);
    expect(st.permissions.media).toBe('granted');
    expect(st.app.stack.at(-1)?.name).toBe('picker');
    expect(await s.$$(pred('type == "XCUIElementTypeCell"'))).toHaveLength(1);
  });

  it('"Don’t Allow" sticks: the picker stays empty and the alert never comes back', async () => {
    const s = await toAlert('ios-alert-3');
    await s.updateSettings({ respectSystemAlerts: true });
    await tapIos(s, pred('label == "Don’t Allow" AND type == "XCUIElementTypeButton"'));
    expect(await s.$$(pred('type == "XCUIElementTypeCell"'))).toHaveLength(0);
    await s.back();
    await tapIos(s, '~Upload');
    expect((await simState(s)).app.permissionAsk).toBeUndefined();
    expect((await simState(s)).permissions.media).toBe('denied');
  });
});

describe('the simulated iPhone: the notifications alert', () => {
  it('comes up at the first launch, as SpringBoard’s; its “Don’t Allow” denies notifications only', async () => {
    const s = await sim.open(
      'ios-notif',
      {
        simReset: true,
        simDrafts: 1,
        simPermissions: { notifications: 'ask', media: 'ask' },
        simLaunchPopups: [],
      },
      {},
      'ios',
    );
    await s.activateApp(PKG);
    expect((await simState(s)).app.permissionAsk?.name).toBe('notifications');
    expect(await s.$$(pred('type == "XCUIElementTypeAlert"'))).toHaveLength(0);
    await s.updateSettings({ respectSystemAlerts: true });
    const alert = await s.$(pred('type == "XCUIElementTypeAlert" AND label CONTAINS "Notifications"'));
    expect(await alert.isExisting()).toBe(true);
    await (await alert.$(pred('label == "Don’t Allow" AND type == "XCUIElementTypeButton"'))).click();
    const st = await simState(s);
    expect(st.permissions).toMatchObject({ notifications: 'denied', media: 'ask' });
    expect(st.app.permissionAsk).toBeUndefined();
  });
});

describe('the simulated iPhone: visible', () => {
  it('is false for an element outside the screen (its frame), true on it', () => {
    const root: UiNode = {
      cls: 'hierarchy',
      pkg: '',
      bounds: [0, 0, 1080, 2400],
      key: 'h',
      children: [
        { cls: 'android.widget.Button', pkg: 'p', bounds: [100, 100, 300, 200], key: 'on', text: 'On' },
        { cls: 'android.widget.Button', pkg: 'p', bounds: [1100, 100, 1300, 200], key: 'right', text: 'Off' },
        { cls: 'android.widget.Button', pkg: 'p', bounds: [100, 2450, 300, 2550], key: 'below', text: 'Off' },
        { cls: 'android.widget.Button', pkg: 'p', bounds: [100, 100, 100, 200], key: 'empty', text: 'Off' },
      ],
    };
    const byKey = Object.fromEntries(finalize(root).map((p) => [p.node.key, iosVisible(p)]));
    expect(byKey).toMatchObject({ on: true, right: false, below: false, empty: false });
  });
});

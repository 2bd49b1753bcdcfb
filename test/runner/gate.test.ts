/**
 * The action gate on the simulated phone, through the real Appium server and WebdriverIO: every
 * kind of gesture aimed at Post with "Everyone can view this post" on screen is refused, nothing
 * is posted; with "Only you" proven, Post goes through; anything the gate cannot check is refused.
 */
import { describe, expect, it } from 'vitest';
import { GatedDevice } from '../../src/runner/device.js';
import { touchSequence } from '../../src/runner/w3c.js';
import type { Rect } from '../../src/steps/types.js';
import { refused } from '../helpers/gate.js';
import { by, launchAndDismiss, simState, tap, toPostScreen, useSimServer } from '../helpers/sim.js';

const sim = useSimServer();
const PKG = 'com.zhiliaoapp.musically';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A session on the post screen of the first draft ("Everyone" is the default). */
async function atPost(name: string) {
  const s = await sim.open(name, { simReset: true, simDrafts: 2 });
  await launchAndDismiss(s, PKG, 'en');
  await toPostScreen(s, 'en');
  const post = (await s.findElement('-android uiautomator', 'new UiSelector().text("Post")')) as Record<
    string,
    string
  >;
  const id = post[ELEMENT]!;
  const rect = await s.getElementRect(id);
  return { s, id, rect, device: new GatedDevice(s, { platform: 'android' }) };
}

const centre = (r: Rect) => ({ x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) });

describe('the action gate at the Post control, privacy "Everyone"', () => {
  it('refuses every gesture kind and posts nothing', async () => {
    const { s, id, rect, device } = await atPost('gate-all');
    const c = centre(rect);
    const found = { id, described: 'the Post button' };
    const attempts: [string, () => Promise<unknown>][] = [
      ['element tap', () => device.tap(found)],
      ['tap at its centre', () => device.tapAt(c)],
      ['tap at its edge', () => device.tapAt({ x: rect.x + 2, y: rect.y + 2 })],
      ['long press on it', () => device.longPress(found, 800)],
      ['long press at its centre', () => device.longPress(c, 800)],
      ['a 12 px swipe on it (a tap to the phone)', () => device.swipe(c, { x: c.x, y: c.y - 12 }, 100)],
      ['a swipe that crosses it', () => device.swipe({ x: c.x, y: c.y - 600 }, { x: c.x, y: c.y + 40 }, 200)],
      ['W3C actions in viewport coordinates', () => device.actions([touchSequence(c)])],
      [
        'W3C actions with the element as origin',
        () =>
          device.actions([
            {
              type: 'pointer',
              id: 'f',
              parameters: { pointerType: 'touch' },
              actions: [
                { type: 'pointerMove', x: 0, y: 0, origin: { [ELEMENT]: id } },
                { type: 'pointerDown', button: 0 },
                { type: 'pointerUp', button: 0 },
              ],
            },
          ]),
      ],
      [
        'W3C actions relative to the pointer',
        () =>
          device.actions([
            {
              type: 'pointer',
              id: 'f',
              parameters: { pointerType: 'touch' },
              actions: [
                { type: 'pointerMove', x: 10, y: 10 },
                { type: 'pointerMove', x: c.x - 10, y: c.y - 10, origin: 'pointer' },
                { type: 'pointerDown', button: 0 },
                { type: 'pointerUp', button: 0 },
              ],
            },
          ]),
      ],
      [
        'mobile: clickGesture on the element',
        () => device.mobileGesture('mobile: clickGesture', { elementId: id }),
      ],
      ['mobile: clickGesture at x/y', () => device.mobileGesture('mobile: clickGesture', c)],
      ['mobile: longClickGesture', () => device.mobileGesture('mobile: longClickGesture', { elementId: id })],
      ['mobile: doubleClickGesture', () => device.mobileGesture('mobile: doubleClickGesture', c)],
      [
        'mobile: dragGesture through it',
        () =>
          device.mobileGesture('mobile: dragGesture', {
            startX: c.x,
            startY: c.y - 300,
            endX: c.x,
            endY: c.y,
          }),
      ],
      [
        'mobile: swipeGesture over its area',
        () =>
          device.mobileGesture('mobile: swipeGesture', {
            ...rect,
            left: rect.x,
            top: rect.y,
            direction: 'up',
            percent: 0.1,
          }),
      ],
      [
        'an unknown mobile: gesture',
        () => device.mobileGesture('mobile: someNewGesture', { x: c.x, y: c.y }),
      ],
    ];
    for (const [what, attempt] of attempts) {
      const err = await refused(attempt());
      expect(err.message, what).toMatch(/^refused to /);
    }
    // Typing Enter wherever the focus is counts as touching every publish control.
    const caption = (await s.findElement(
      '-android uiautomator',
      'new UiSelector().className("android.widget.EditText")',
    )) as Record<string, string>;
    await refused(device.type({ id: caption[ELEMENT]!, described: 'the caption' }, 'hello\n'));
    const st = await simState(s);
    expect(st.posts).toEqual([]);
    expect(st.drafts).toHaveLength(2);
  });

  it('a tap elsewhere on the post screen is let through (the gate is not a blanket ban)', async () => {
    const { s, device } = await atPost('gate-elsewhere');
    const row = (await s.findElement(
      '-android uiautomator',
      'new UiSelector().description("Everyone can view this post")',
    )) as Record<string, string>;
    await device.tap({ id: row[ELEMENT]!, described: 'the privacy row' });
    expect((await simState(s)).app.stack.at(-1)?.name).toBe('privacy');
  });

  it('without the gate the same 12 px swipe posts publicly: the simulator is not kinder than a phone', async () => {
    const { s, rect } = await atPost('gate-control');
    const c = centre(rect);
    await s.performActions([touchSequence(c, { x: c.x, y: c.y - 12 }, 100)] as never);
    const st = await simState(s);
    expect(st.posts.map((p) => p.privacy)).toEqual(['everyone']);
  });

  it('fails closed: a target it cannot locate while Post is on screen is refused', async () => {
    const { device } = await atPost('gate-closed');
    // A reference from another screen: its place cannot be read, so the tap is not sent.
    const err = await refused(device.tap({ id: '1:nowhere', described: 'a stale element' }));
    expect(err.message).toMatch(/could not check the screen/);
  });

  it('with "Only you" proven on screen, Post goes through and the post is private', async () => {
    const { s, id, device } = await atPost('gate-private');
    await tap(s, by.desc('Everyone can view this post'));
    await tap(s, by.desc('Only you'));
    await device.tap({
      id: (
        (await s.findElement('-android uiautomator', 'new UiSelector().text("Post")')) as Record<
          string,
          string
        >
      )[ELEMENT]!,
      described: 'Post',
    });
    expect(id).toBeTruthy();
    expect((await simState(s)).posts.map((p) => p.privacy)).toEqual(['only_you']);
  });
});

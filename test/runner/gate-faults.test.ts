/**
 * The action gate fails closed, on the real lookups (real Appium server, WebdriverIO, the
 * simulated phone): when reading the privacy row throws, or its lookup errors, or the row is gone
 * by the time it is read, Post is refused even with "Only you" selected; the same tap goes
 * through once the reads work again. And Enter or any key typed on the post screen (a line break,
 * U+E007, U+E006, W3C key actions) counts as activating: refused unless privacy is proven.
 */
import { describe, expect, it } from 'vitest';
import { GatedDevice } from '../../src/runner/device.js';
import { gateLookups } from '../../src/runner/gate.js';
import { refused } from '../helpers/gate.js';
import { by, launchAndDismiss, simState, tap, toPostScreen, useSimServer } from '../helpers/sim.js';

const sim = useSimServer();
const PKG = 'com.zhiliaoapp.musically';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const ROW_LOOKUPS = gateLookups('android').proof.map((l) => l.value);

type Fault = 'text' | 'desc' | 'lookup' | 'stale' | undefined;

/** A session on the post screen; `onlyYou` selects Only you first. Reads fail while `fault` is set. */
async function atPost(name: string, onlyYou: boolean) {
  const s = await sim.open(name, { simReset: true, simDrafts: 2 });
  await launchAndDismiss(s, PKG, 'en');
  await toPostScreen(s, 'en');
  if (onlyYou) {
    await tap(s, by.desc('Everyone can view this post'));
    await tap(s, by.desc('Only you'));
  }
  const state: { fault: Fault } = { fault: undefined };
  // Faults on the client side of the real protocol: every other command reaches the phone.
  const boom = () => new Error('the element read failed (injected)');
  s.overwriteCommand(
    'getElementText' as never,
    (async (orig: (id: string) => Promise<string>, id: string) => {
      if (state.fault === 'text') throw boom();
      return orig(id);
    }) as never,
  );
  s.overwriteCommand(
    'getElementAttribute' as never,
    (async (orig: (id: string, n: string) => Promise<string>, id: string, n: string) => {
      if (state.fault === 'desc' && n === 'content-desc') throw boom();
      return orig(id, n);
    }) as never,
  );
  s.overwriteCommand(
    'findElements' as never,
    (async (orig: (u: string, v: string) => Promise<unknown[]>, using: string, value: string) => {
      if (ROW_LOOKUPS.includes(value)) {
        if (state.fault === 'lookup') throw new Error('the lookup failed (injected)');
        // An id the phone no longer knows: the read that follows fails on the phone itself.
        if (state.fault === 'stale') return [{ [ELEMENT]: '1:gone' }];
      }
      return orig(using, value);
    }) as never,
  );
  const el = async (selector: string) => {
    const ref = (await s.findElement('-android uiautomator', selector)) as Record<string, string>;
    return { id: ref[ELEMENT]!, described: selector };
  };
  return { s, state, device: new GatedDevice(s, { platform: 'android' }), el };
}

describe('the gate fails closed when the privacy row cannot be read', () => {
  it('refuses Post with "Only you" selected when the row read or lookup fails, then lets it through', async () => {
    const { s, state, device, el } = await atPost('gf-faults', true);
    const post = await el('new UiSelector().text("Post")');
    for (const fault of ['text', 'desc', 'lookup', 'stale'] as const) {
      state.fault = fault;
      const err = await refused(device.tap(post));
      expect(err.message, fault).toMatch(/could not read the privacy row/);
      expect((await simState(s)).posts, fault).toEqual([]);
    }
    // The reads work again: the very same tap is proven private and posts, privately.
    state.fault = undefined;
    await device.tap(post);
    expect((await simState(s)).posts.map((p) => p.privacy)).toEqual(['only_you']);
  });
});

describe('Enter and keys on the post screen count as activating', () => {
  const ENTERS = [
    ['U+E007 (Enter)', 'hi\uE007'],
    ['U+E006 (Return)', 'hi\uE006'],
    ['a line break', 'hi\nthere'],
    ['a carriage return', 'hi\r'],
  ] as const;
  const keys = (value: string) => [
    {
      type: 'key',
      id: 'keyboard',
      actions: [
        { type: 'keyDown', value },
        { type: 'keyUp', value },
      ],
    },
  ];

  it('with "Everyone" selected: every Enter and every key action is refused, the caption stays', async () => {
    const { s, device, el } = await atPost('gf-enter', false);
    const caption = await el('new UiSelector().className("android.widget.EditText")');
    const before = (await simState(s)).app.compose?.caption;
    for (const [what, text] of ENTERS) {
      const err = await refused(device.type(caption, text));
      expect(err.message, what).toMatch(/^refused to press Enter or a key in /);
    }
    for (const key of ['\uE007', '\uE006', '\uE00D', 'a']) await refused(device.actions(keys(key)));
    const st = await simState(s);
    expect(st.app.compose?.caption, 'nothing was typed').toBe(before);
    expect(st.posts).toEqual([]);
    // Plain text is not a key press: the gate is not a blanket ban on typing.
    await device.type(caption, 'plain words');
    expect((await simState(s)).app.compose?.caption).toBe('plain words');
  });

  it('with "Only you" proven, typing Enter goes through', async () => {
    const { s, device, el } = await atPost('gf-enter-private', true);
    const caption = await el('new UiSelector().className("android.widget.EditText")');
    await device.type(caption, 'private\uE007');
    expect((await simState(s)).app.compose?.caption).toMatch(/^private/);
  });
});

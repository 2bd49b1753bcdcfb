/**
 * The action gate fails closed, on the real lookups (real Appium server, WebdriverIO, the
 * simulated phone): when reading the privacy row throws, or its lookup errors, or the row is gone
 * by the time it is read, Post is refused even with "Only you" selected; the same tap goes
 * through once the reads work again.
 */
import { describe, expect, it } from 'vitest';
import { GatedDevice } from '../../src/runner/device.js';
import { gateLookups } from '../../src/runner/gate.js';
import { refused } from '../helpers/gate.js';
import { by, launchAndDismiss, simState, tap, toPostScreen, useSimServer } from '../helpers/sim.js';

const sim = useSimServer();
const PKG = 'com.zhiliaoapp.musically';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const ROW_LOOKUPS = gateLookups('android').rows.map((l) => l.value);

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

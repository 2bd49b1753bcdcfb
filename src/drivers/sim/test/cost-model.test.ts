/**
 * The real-phone cost model as a function of what a command does (values, not timings: the bench
 * measures time, this checks the model charges what its sources say).
 */
import { describe, expect, it } from 'vitest';
import { type CommandFacts, RealPhoneClock, realPhoneCostMs } from '../driver/cost-model.js';

const quiet: CommandFacts = {
  cmd: 'findElements',
  args: ['id', 'x'],
  nodes: 100,
  playing: false,
  missed: false,
  bytes: 0,
  sinceChange: 60_000,
  waitForIdleTimeout: 10_000,
  waitForSelectorTimeout: 10_000,
};

describe('real-phone cost model', () => {
  it('xpath and the page source grow with the tree; id lookups barely do', () => {
    const xpath = (nodes: number) => realPhoneCostMs({ ...quiet, args: ['xpath', '//*'], nodes });
    const id = (nodes: number) => realPhoneCostMs({ ...quiet, nodes });
    const source = (nodes: number) => realPhoneCostMs({ ...quiet, cmd: 'getPageSource', nodes });
    expect(xpath(150) - xpath(30)).toBe(180);
    expect(source(150) - source(30)).toBe(300);
    expect(id(150) - id(30)).toBeCloseTo(12);
    expect(xpath(150)).toBeGreaterThan(id(150));
  });

  it('a UiSelector findElement that misses waits waitForSelectorTimeout; findElements does not', () => {
    const ui = { ...quiet, args: ['-android uiautomator', 'new UiSelector().text("x")'], missed: true };
    const one = realPhoneCostMs({ ...ui, cmd: 'findElement' });
    const many = realPhoneCostMs({ ...ui, cmd: 'findElements' });
    expect(one - many).toBe(10_000);
    expect(realPhoneCostMs({ ...ui, cmd: 'findElement', waitForSelectorTimeout: 0 })).toBe(many);
  });

  it('several ;-separated UiSelector statements pay one search each, the hop and idle wait once', () => {
    const ui = (value: string) => realPhoneCostMs({ ...quiet, args: ['-android uiautomator', value] });
    const one = ui('new UiSelector().text("a")');
    const three = ui('new UiSelector().text("a");new UiSelector().text("b;c");new UiSelector().desc("d")');
    expect(three - one).toBeCloseTo(2 * (40 + 0.1 * quiet.nodes));
    expect(three).toBeLessThan(3 * one);
  });

  it('a find right after a screen change pays the settle time, capped by waitForIdleTimeout; a playing feed always pays it', () => {
    const settled = realPhoneCostMs(quiet);
    expect(realPhoneCostMs({ ...quiet, sinceChange: 0 }) - settled).toBe(800);
    expect(realPhoneCostMs({ ...quiet, sinceChange: 0, waitForIdleTimeout: 100 }) - settled).toBe(100);
    expect(realPhoneCostMs({ ...quiet, playing: true }) - settled).toBe(10_000);
  });

  it('pulls cost by size; gestures by their durations', () => {
    const pull = (bytes: number) => realPhoneCostMs({ ...quiet, cmd: 'pullFile', bytes });
    expect(pull(36_000_000) - pull(0)).toBe(1000 + 360);
    const tap = [{ type: 'pointer', actions: [{ type: 'pointerDown' }, { type: 'pause', duration: 100 }] }];
    const hold = [{ type: 'pointer', actions: [{ type: 'pause', duration: 1500 }] }];
    const cost = (a: unknown) => realPhoneCostMs({ ...quiet, cmd: 'performActions', args: [a] });
    expect(cost(hold) - cost(tap)).toBe(1400);
  });

  it('the clock charges the settle to the command after one that changed the screen', () => {
    const clock = new RealPhoneClock();
    const find = { nodes: 10, playing: false, screenBefore: 1, screenAfter: 1 };
    const ok = { result: [{}], error: undefined };
    const settings = { waitForIdleTimeout: 100 };
    const click = clock.charge('click', [], { ...find, screenAfter: 2 }, ok, settings);
    expect(click).toBe(80);
    const next = clock.charge('findElements', ['id', 'x'], find, ok, settings);
    expect(next).toBe(20 + 100 + 30 + 1);
  });
});

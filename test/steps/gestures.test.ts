/** longPress, swipe, scrollUntilVisible on the simulated phone: what each does to the screen. */
import { describe, expect, it } from 'vitest';
import { runSteps } from '../helpers/flow.js';
import { simState, useSimServer } from '../helpers/sim.js';

const sim = useSimServer();
const TO_GRID = ['  - runFlow: ${flows}/open-drafts.yaml'];

describe('gesture steps', () => {
  it('swipe up on the drafts grid scrolls it', async () => {
    const r = await runSteps(
      sim,
      'st-swipe',
      [...TO_GRID, '  - swipe: { direction: up, on: drafts.grid, distance: 0.9 }'].join('\n'),
      {
        caps: { simDrafts: 30 },
      },
    );
    expect(r.result.error?.message).toBeUndefined();
    const s = (await simState(r.session)).app.stack.at(-1) as { name: string; scroll?: number };
    expect(s.name).toBe('drafts');
    expect(s.scroll).toBeGreaterThan(0);
  });

  it('scrollUntilVisible swipes until the oldest draft shows: the grid has scrolled on the phone', async () => {
    const first = await runSteps(sim, 'st-scroll', TO_GRID.join('\n'), { caps: { simDrafts: 30 } });
    expect(first.result.error?.message).toBeUndefined();
    const grid = async () =>
      (await simState(first.session)).app.stack.at(-1) as { name: string; scroll?: number };
    const oldest = (await simState(first.session)).drafts.at(-1)!.caption;
    const before = await grid();
    expect(before.name).toBe('drafts');
    expect(await first.session.getPageSource(), 'the oldest draft is off screen at first').not.toContain(
      oldest,
    );
    const r = await runSteps(
      sim,
      'st-scroll',
      `  - scrollUntilVisible: { selector: { text: "${oldest}" }, on: drafts.grid, maxSwipes: 20 }`,
      { session: first.session },
    );
    expect(r.result.error?.message).toBeUndefined();
    const after = await grid();
    expect(after.name, 'still the drafts grid: the swipes scrolled, they opened nothing').toBe('drafts');
    expect(after.scroll ?? 0).toBeGreaterThan(before.scroll ?? 0);
    expect(await first.session.getPageSource(), 'the oldest draft is on screen now').toContain(oldest);
  });

  it('longPress on a tab acts like a press on it (the profile opens)', async () => {
    const r = await runSteps(
      sim,
      'st-long',
      '  - runFlow: ${flows}/launch.yaml\n  - longPress: { selector: nav.profile, duration: 700ms }\n  - waitFor: profile.privateTab',
    );
    expect(r.result.error?.message).toBeUndefined();
    expect((await simState(r.session)).app.stack.at(-1)?.name).toBe('profile');
  });
});

/** launchApp, stopApp, dismissPopups, tap, back, waitFor, assertVisible, assertNotVisible on the simulated phone. */
import { describe, expect, it } from 'vitest';
import { runSteps } from '../helpers/flow.js';
import { simState, useSimServer } from '../helpers/sim.js';

const sim = useSimServer();
const top = async (s: Parameters<typeof simState>[0]) => (await simState(s)).app.stack.at(-1)?.name;

describe('app and navigation steps', () => {
  it('launchApp starts TikTok; dismissPopups clears the launch pop-ups; stopApp closes it', async () => {
    const launched = await runSteps(sim, 'st-launch', '  - launchApp\n  - dismissPopups: { settle: 500ms }');
    expect(launched.result.error?.message).toBeUndefined();
    let st = await simState(launched.session);
    expect(st.app.running).toBe(true);
    expect(st.app.popup).toBeUndefined();
    expect(st.app.pendingPopups).toEqual([]);
    expect(launched.reporter.of('watcher').map((w) => w.name)).toEqual([
      'notifications / collections prompt',
      'contacts prompt',
    ]);
    const stopped = await runSteps(sim, 'st-launch', '  - stopApp', { session: launched.session });
    expect(stopped.result.ok).toBe(true);
    st = await simState(launched.session);
    expect(st.app.running).toBe(false);
  });

  it('tap opens the profile; waitFor and assertVisible see it; back leaves the drafts grid', async () => {
    const r = await runSteps(
      sim,
      'st-tap',
      [
        '  - launchApp',
        '  - dismissPopups',
        '  - tap: { selector: nav.profile, until: profile.privateTab }',
        '  - waitFor: profile.draftsBanner',
        '  - assertVisible: profile.privateTab',
        '  - assertNotVisible: { selector: post.post, timeout: 200ms }',
        '  - tap: profile.draftsBanner',
        '  - waitFor: drafts.grid',
        '  - back',
        '  - waitFor: { gone: drafts.grid }',
      ].join('\n'),
    );
    expect(r.result.error?.message).toBeUndefined();
    expect(await top(r.session)).toBe('profile');
  });

  it('waitFor gone reads the element it saw between full lookups (the cheaper probe of the wait)', async () => {
    const first = await runSteps(sim, 'st-gone', '  - launchApp\n  - dismissPopups');
    const seen: string[] = [];
    const count = (e: { command?: string }) => seen.push(String(e.command));
    first.session.on('command', count);
    const r = await runSteps(sim, 'st-gone', '  - waitFor: { gone: nav.profile, timeout: 1500ms }', {
      session: first.session,
    });
    first.session.off('command', count);
    expect(r.result.error?.code, 'the tab stays: the wait still fails as it should').toBe(
      'E_ASSERTION_FAILED',
    );
    const lookups = seen.filter((c) => c === 'findElements').length;
    const reads = seen.filter((c) => c === 'getElementRect').length;
    expect(lookups, 'it looked the selector up fully').toBeGreaterThan(0);
    expect(reads, 'most polls read the element it saw instead').toBeGreaterThan(lookups);
    expect(await top(first.session)).toBe('feed');
  });

  it('assertVisible fails when the element is not there, and says what was searched for', async () => {
    const r = await runSteps(
      sim,
      'st-assert',
      '  - launchApp\n  - assertVisible: { selector: post.post, timeout: 300ms }',
    );
    expect(r.result.error?.code).toBe('E_ASSERTION_FAILED');
  });
});

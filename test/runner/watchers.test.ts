/**
 * The pop-up watchers cost one lookup while the screen is as expected, and still clear every
 * launch pop-up: the contacts dialog ("Don’t allow" only inside TikTok's own dialog) joins the
 * one combined lookup as a UiSelector childSelector; the update prompt, which only an xpath can
 * tell (no text, desc or id: tt4314_fr_update_prompt.xml), is looked for only once the screen
 * has stayed unexpected after a first look (real Appium server, WebdriverIO, simulated phone).
 */
import { describe, expect, it } from 'vitest';
import type { Alternative } from '../../src/core/selectors.js';
import { combinedProbe } from '../../src/runner/combine.js';
import { runSteps } from '../helpers/flow.js';
import { simState, useSimServer } from '../helpers/sim.js';

const sim = useSimServer();

/** The find requests a session sends while `run` runs. */
async function finds(session: WebdriverIO.Browser, run: () => Promise<unknown>) {
  const seen: { using: string; value: string }[] = [];
  const count = (e: { command?: string; body?: unknown }) => {
    const body = e.body as { using?: string; value?: string } | undefined;
    if (e.command === 'findElements' && body?.using)
      seen.push({ using: body.using, value: String(body.value) });
  };
  session.on('command', count);
  try {
    await run();
  } finally {
    session.off('command', count);
  }
  return seen;
}

describe('watchers: one combined lookup on evidence', () => {
  it('a `within` alternative joins the combined lookup as container.childSelector(child)', () => {
    const within: Alternative = { text: 'Don’t allow', within: 'popup.contactsDialog' };
    const containers: Alternative[] = [
      { desc: 'Dialog', className: 'android.widget.FrameLayout' },
      { desc: 'Boîte de dialogue', className: 'android.widget.FrameLayout' },
    ];
    const probe = combinedProbe([{ text: 'Not now' }, within, { xpath: '//x' }], 'android', () => containers);
    expect(probe.combined?.value.split(';')).toEqual([
      'new UiSelector().text("Not now")',
      'new UiSelector().description("Dialog").className("android.widget.FrameLayout").childSelector(new UiSelector().text("Don’t allow"))',
      'new UiSelector().description("Boîte de dialogue").className("android.widget.FrameLayout").childSelector(new UiSelector().text("Don’t allow"))',
    ]);
    expect(probe.rest).toEqual([{ xpath: '//x' }]);
    // A container a UiSelector cannot say keeps the alternative out of the union.
    const odd = combinedProbe([within], 'android', () => [{ xpath: '//dialog' }]);
    expect(odd.combined).toBeUndefined();
    expect(odd.rest).toEqual([within]);
  });

  it('the contacts dialog is found by the combined lookup: the launch clears it with no xpath sent', async () => {
    const caps = { simDrafts: 1, simLaunchPopups: ['notif', 'contacts'] };
    const session = await sim.open('w-contacts', { simReset: true, ...caps } as never);
    let names: string[] = [];
    const sent = await finds(session, async () => {
      const run = await runSteps(sim, 'w-contacts', '  - runFlow: ${flows}/launch.yaml', { session });
      expect(run.result.error?.message).toBeUndefined();
      names = run.reporter.of('watcher').map((w) => w.name);
    });
    expect(names).toEqual(['notifications / collections prompt', 'contacts prompt']);
    // The combined lookup (every joinable watcher at once) found each pop-up at the first look.
    const combined = sent.filter(
      (f) => f.value.includes('permission_allow_all_button') && f.value.includes('"Not now"'),
    );
    expect(combined).toHaveLength(2);
    expect(sent.filter((f) => f.using === 'xpath')).toEqual([]);
    const st = await simState(session);
    expect(st.app.popup).toBeUndefined();
    expect(st.counters.launches).toBe(1);
  });

  it('the update prompt (only an xpath tells it) is cleared at launch, after a first look without it', async () => {
    const caps = { simDrafts: 1, simProfile: 'tiktok-43.1.4', simLaunchPopups: ['update', 'contacts'] };
    const run = await runSteps(sim, 'w-update', '  - runFlow: ${flows}/launch.yaml', { caps: caps as never });
    expect(run.result.error?.message).toBeUndefined();
    expect(run.reporter.of('watcher').map((w) => w.name)).toEqual(['update prompt', 'contacts prompt']);
    const st = await simState(run.session);
    expect(st.app.popup).toBeUndefined();
    expect(st.app.pendingPopups).toEqual([]);
    expect(st.counters.launches).toBe(1);
  });

  it('a one-look condition that misses costs the element and one watcher lookup; a lasting miss adds the xpath', async () => {
    const start = await runSteps(sim, 'w-miss', '  - runFlow: ${flows}/launch.yaml', {
      caps: { simDrafts: 1, simLaunchPopups: [] },
    });
    expect(start.result.error?.message).toBeUndefined();
    const { session } = start;
    const once = await finds(session, () =>
      runSteps(sim, 'w-miss', '  - log: { message: never, when: { visible: { text: Nowhere at all } } }', {
        session,
      }),
    );
    expect(once.map((f) => f.using)).toEqual(['-android uiautomator', '-android uiautomator']);
    expect(once[0]!.value).toBe('new UiSelector().text("Nowhere at all")');
    expect(once[1]!.value).toContain('childSelector(');
    const lasting = await finds(session, async () => {
      const r = await runSteps(
        sim,
        'w-miss',
        '  - assertVisible: { selector: { text: Nowhere at all }, timeout: 1500ms }',
        { session },
      );
      expect(r.result.error?.code).toBe('E_ASSERTION_FAILED');
    });
    // The first probe at the first miss; the second, a second later, with the xpath watcher.
    expect(lasting.filter((f) => f.using === 'xpath')).toHaveLength(1);
  });

  it('a one-look question a lookup has just answered is not asked again (nothing sent since)', async () => {
    const start = await runSteps(sim, 'w-recent', '  - runFlow: ${flows}/launch.yaml', {
      caps: { simDrafts: 1, simLaunchPopups: [] },
    });
    expect(start.result.error?.message).toBeUndefined();
    const { session } = start;
    const x = 'new UiSelector().text("Nowhere at all")';
    let logs: string[] = [];
    const sent = await finds(session, async () => {
      const r = await runSteps(
        sim,
        'w-recent',
        [
          '  - waitFor: { gone: { text: Nowhere at all }, timeout: 1s }',
          '  - log: { message: shown, when: { visible: { text: Nowhere at all } } }',
          '  - log: { message: absent, when: { notVisible: { text: Nowhere at all } } }',
        ].join('\n'),
        { session },
      );
      expect(r.result.error?.message).toBeUndefined();
      logs = r.reporter.of('log').map((e) => e.message);
    });
    expect(logs).toEqual(['absent']);
    // The wait's own look answers both conditions: one lookup of it, and no watcher lookup at all.
    expect(sent.map((f) => f.value)).toEqual([x]);
  });
});

/** checkScreen on the simulated phone: it checks the screen shown now and only reads the phone. */
import { describe, expect, it } from 'vitest';
import { runSteps } from '../helpers/flow.js';
import { simState, useSimServer } from '../helpers/sim.js';

const sim = useSimServer();
const TO_POST = ['  - runFlow: ${flows}/open-drafts.yaml', '  - runFlow: ${flows}/open-draft.yaml'];

/** What a step could change on the phone: the screens, the draft being edited, drafts and posts. */
async function phone(s: Parameters<typeof simState>[0]) {
  const st = await simState(s);
  return { stack: st.app.stack, compose: st.app.compose, drafts: st.drafts, posts: st.posts };
}

describe('checkScreen', () => {
  it('passes on the screen it names, fails strict on another, and changes nothing on the phone', async () => {
    const at = await runSteps(sim, 'st-check', TO_POST.join('\n'));
    expect(at.result.error?.message).toBeUndefined();
    const before = await phone(at.session);
    expect(before.stack.at(-1)?.name).toBe('post');

    const ok = await runSteps(
      sim,
      'st-check',
      '  - checkScreen: post\n  - checkScreen: { screen: post, strict: true }',
      {
        session: at.session,
        screens: true,
      },
    );
    expect(ok.result.error?.message).toBeUndefined();
    const checks = ok.reporter.of('screenChecked');
    expect(checks.map((e) => [e.screen, e.result.ok])).toEqual([
      ['post', true],
      ['post', true],
    ]);
    expect(checks[0]!.result.checks.length, 'it checked the selectors the flows need there').toBeGreaterThan(
      2,
    );

    const wrong = await runSteps(
      sim,
      'st-check',
      '  - checkScreen: profile\n  - checkScreen: { screen: profile, strict: true }',
      {
        session: at.session,
        screens: true,
      },
    );
    expect(wrong.result.error?.code).toBe('E_ASSERTION_FAILED');
    expect(wrong.result.error?.message).toMatch(/^screen profile: /);
    expect(wrong.reporter.of('screenChecked').map((e) => [e.screen, e.result.ok])).toEqual([
      ['profile', false],
      ['profile', false],
    ]);
    expect(await phone(at.session), 'checkScreen only reads').toEqual(before);
  });
});

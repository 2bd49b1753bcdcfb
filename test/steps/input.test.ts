/** inputText, clearText, readText, setVar, log on the simulated phone's post screen. */
import { describe, expect, it } from 'vitest';
import { runSteps } from '../helpers/flow.js';
import { simState, useSimServer } from '../helpers/sim.js';

const sim = useSimServer();

const TO_POST = ['  - runFlow: ${flows}/open-drafts.yaml', '  - runFlow: ${flows}/open-draft.yaml'];

describe('input and variable steps', () => {
  it('readText reads the drafts count into a variable; setVar and log use it', async () => {
    const r = await runSteps(
      sim,
      'st-read',
      [
        '  - runFlow: ${flows}/launch.yaml',
        '  - tap: { selector: nav.profile, until: profile.draftsBanner }',
        '  - readText: { selector: profile.draftsBanner, regex: "(\\\\d+)", into: n }',
        '  - setVar: { name: twice, value: "${n * 2}" }',
        '  - log: "drafts ${n}, twice ${twice}"',
      ].join('\n'),
    );
    expect(r.result.error?.message).toBeUndefined();
    expect(r.result.vars).toMatchObject({ n: 3, twice: 6 });
    expect(r.reporter.of('log').map((l) => l.message)).toContain('drafts 3, twice 6');
  });

  it('inputText replaces the caption on the phone; clearText empties it', async () => {
    const typed = await runSteps(
      sim,
      'st-input',
      [...TO_POST, '  - inputText: { selector: post.caption, text: "beach day #dvtest" }'].join('\n'),
    );
    expect(typed.result.error?.message).toBeUndefined();
    expect((await simState(typed.session)).app.compose?.caption).toBe('beach day #dvtest');
    const cleared = await runSteps(sim, 'st-input', '  - clearText: post.caption', {
      session: typed.session,
    });
    expect(cleared.result.ok).toBe(true);
    expect((await simState(typed.session)).app.compose?.caption).toBe('');
  });
});

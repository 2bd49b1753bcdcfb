/** runFlow (a file with params, an inline group) and repeat (times, while) on the simulated phone. */
import { describe, expect, it } from 'vitest';
import { runSteps } from '../helpers/flow.js';
import { simState, useSimServer } from '../helpers/sim.js';

const sim = useSimServer();

describe('control steps', () => {
  it('runFlow runs a flow file and hands back its outputs; an inline group shares the scope', async () => {
    const r = await runSteps(
      sim,
      'st-run',
      '  - runFlow: ${flows}/open-drafts.yaml\n  - runFlow: { steps: [ { setVar: { name: seen, value: "${draftCount}" } } ] }',
    );
    expect(r.result.error?.message).toBeUndefined();
    expect(r.result.vars).toMatchObject({ draftCount: 3, seen: 3 });
    expect((await simState(r.session)).app.stack.at(-1)?.name).toBe('drafts');
  });

  it('repeat runs its steps N times, and while a condition holds (bounded)', async () => {
    const r = await runSteps(
      sim,
      'st-repeat',
      [
        '  - runFlow: ${flows}/launch.yaml',
        '  - repeat: { times: 3, steps: [ { log: "round ${iteration}" } ] }',
        '  - repeat: { while: { notVisible: profile.privateTab }, max: 3, steps: [ { tap: nav.profile } ] }',
      ].join('\n'),
    );
    expect(r.result.error?.message).toBeUndefined();
    expect(r.reporter.of('log').map((l) => l.message)).toEqual(['round 0', 'round 1', 'round 2']);
    expect((await simState(r.session)).app.stack.at(-1)?.name).toBe('profile');
  });
});

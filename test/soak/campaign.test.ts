/**
 * A short crash campaign (the full one is `npm run soak`): a small batch, its runner SIGKILLed at
 * seeded moments and its Appium server alone at others, rerun until done; every invariant holds.
 */
import { describe, expect, it } from 'vitest';
import { killSchedule, runCampaign } from '../../soak/campaign.mjs';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

describe('soak: crash campaign (short)', { timeout: 300_000 }, () => {
  it('the kill schedule is the seed’s: the same seed, the same moments', () => {
    expect(killSchedule(42, 5, 2)).toEqual(killSchedule(42, 5, 2));
    expect(killSchedule(42, 5, 2)).not.toEqual(killSchedule(43, 5, 2));
    expect(killSchedule(42, 5, 2).filter((k) => k.target === 'appium')).toHaveLength(2);
  });

  it('SIGKILLs of the runner and of Appium alone lose nothing, duplicate nothing, publish nothing', async () => {
    const c = await runCampaign({ work: tmp(), seed: 20261202, drafts: 4, runnerKills: 6, appiumKills: 2 });
    expect(c.runnerKills, 'runner kills that landed').toBeGreaterThan(0);
    expect(c.appiumKills, 'Appium kills that landed').toBeGreaterThan(0);
    expect(c.hung, 'runs that never ended').toBe(0);
    expect(c.checks.filter((k) => !k.ok)).toEqual([]);
    expect(c.checks.map((k) => k.name)).toContain('no process left running');
  });
});

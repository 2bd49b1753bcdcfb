/** The one wait helper: its cheaper probe stands in for the full check between full looks, never for the answer. */
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../../src/core/wait.js';

const signal = new AbortController().signal;

describe('waitUntil with a cheaper probe', () => {
  it('skips the full check while the probe says no, but checks fully first and at the deadline', async () => {
    let full = 0;
    let probes = 0;
    const v = await waitUntil(
      async () => {
        full += 1;
        return undefined;
      },
      {
        timeoutMs: 200,
        intervalMs: 5,
        signal,
        fullEveryMs: 60_000,
        probe: async () => {
          probes += 1;
          return false;
        },
      },
    );
    expect(v).toBeUndefined();
    expect(full, 'one full check at the start, one at the deadline').toBe(2);
    expect(probes).toBeGreaterThan(0);
  });

  it('runs the full check as soon as the probe says yes, and returns its value', async () => {
    let probes = 0;
    const calls: string[] = [];
    const v = await waitUntil(
      async () => {
        calls.push(`full after ${probes} probes`);
        return probes >= 3 ? 'there' : undefined;
      },
      {
        timeoutMs: 60_000,
        intervalMs: 1,
        signal,
        fullEveryMs: 60_000,
        probe: async () => ++probes >= 3,
      },
    );
    expect(v).toBe('there');
    expect(calls).toEqual(['full after 0 probes', 'full after 3 probes']);
  });

  it('a probe that never says yes only delays the answer: the full check still runs every fullEveryMs', async () => {
    let full = 0;
    const v = await waitUntil(async () => (++full >= 3 ? 'seen' : undefined), {
      timeoutMs: 60_000,
      intervalMs: 1,
      signal,
      fullEveryMs: 10,
      probe: async () => false,
    });
    expect(v).toBe('seen');
    expect(full).toBe(3);
  });

  it('without a probe every poll is a full check (unchanged behaviour)', async () => {
    let full = 0;
    const v = await waitUntil(async () => (++full >= 4 ? full : undefined), {
      timeoutMs: 60_000,
      intervalMs: 1,
      signal,
    });
    expect(v).toBe(4);
  });
});

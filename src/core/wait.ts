/**
 * The one wait helper: poll a check at an interval until it yields a value or the time is up,
 * honouring an AbortSignal (an interrupt ends the wait at once, as E_INTERRUPTED). An optional
 * cheaper probe can stand in for the full check between full looks.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { asInterrupt } from '../errors.js';

/** Options of {@link waitUntil}. */
export interface WaitOptions {
  /** Give up after this long (ms). 0 = look once. */
  timeoutMs: number;
  /** Time between looks (ms). */
  intervalMs: number;
  signal: AbortSignal;
  /**
   * Called after each miss, before sleeping: may act (e.g. clear a pop-up) and return true to
   * look again at once.
   */
  onMiss?: () => Promise<boolean>;
  /**
   * A cheaper look, consulted each poll before the full check: false means "nothing worth a
   * full look yet" and the full check is skipped this poll. The full check still runs on the
   * first poll, at the deadline, and at least every `fullEveryMs`, so a probe that misses a
   * change only delays the answer, never changes it.
   */
  probe?: () => Promise<boolean>;
  /** With `probe`: the longest time between two full checks (ms, default 1000). */
  fullEveryMs?: number;
}

/** Poll `check` until it returns something other than undefined; undefined when time runs out. */
export async function waitUntil<T>(
  check: () => Promise<T | undefined>,
  o: WaitOptions,
): Promise<T | undefined> {
  const end = Date.now() + o.timeoutMs;
  let lastFull = Number.NEGATIVE_INFINITY;
  for (;;) {
    if (o.signal.aborted) throw asInterrupt(o.signal.reason);
    const now = Date.now();
    const due = now >= end || now - lastFull >= (o.fullEveryMs ?? 1000);
    const full = !o.probe || due || (await o.probe());
    if (full) {
      lastFull = Date.now();
      const v = await check();
      if (v !== undefined) return v;
      if (o.onMiss && (await o.onMiss())) continue;
    }
    // Time is up: answer from a full check, never from the probe alone.
    if (Date.now() >= end) {
      if (full) return undefined;
      continue;
    }
    try {
      await sleep(Math.min(o.intervalMs, Math.max(0, end - Date.now())), undefined, { signal: o.signal });
    } catch (err) {
      throw asInterrupt(o.signal.reason ?? err);
    }
  }
}

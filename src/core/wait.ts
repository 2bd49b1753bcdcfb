/**
 * The one wait helper: poll a probe at an interval until it yields a value or the time is up,
 * honouring an AbortSignal (an interrupt ends the wait at once, as E_INTERRUPTED).
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
}

/** Poll `probe` until it returns something other than undefined; undefined when time runs out. */
export async function waitUntil<T>(
  probe: () => Promise<T | undefined>,
  o: WaitOptions,
): Promise<T | undefined> {
  const end = Date.now() + o.timeoutMs;
  for (;;) {
    if (o.signal.aborted) throw asInterrupt(o.signal.reason);
    const v = await probe();
    if (v !== undefined) return v;
    if (o.onMiss && (await o.onMiss())) continue;
    if (Date.now() >= end) return undefined;
    try {
      await sleep(Math.min(o.intervalMs, Math.max(0, end - Date.now())), undefined, { signal: o.signal });
    } catch (err) {
      throw asInterrupt(o.signal.reason ?? err);
    }
  }
}

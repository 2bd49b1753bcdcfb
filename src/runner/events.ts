/**
 * What a run tells the world. The runner and jobs only emit events; reporters (console, JSON log,
 * reports, notifications) decide what to do with them.
 */
import type { Span } from '../errors.js';
import type { ScreenCheckResult } from '../steps/types.js';

/** One thing that happened during a run. */
export type RunEvent =
  | { type: 'flowStarted'; flow: string; file: string; depth: number }
  | { type: 'stepStarted'; flow: string; step: string; span: Span; depth: number }
  | {
      type: 'stepFinished';
      flow: string;
      step: string;
      span: Span;
      depth: number;
      status: 'passed' | 'skipped' | 'failed' | 'failedOptional';
      durationMs: number;
      /** WebDriver commands this step issued (nested steps included). */
      commands: number;
      error?: { code: string; message: string; hint?: string };
    }
  | { type: 'watcher'; name: string; action: string }
  | { type: 'log'; message: string }
  | { type: 'flowFinished'; flow: string; ok: boolean; durationMs: number; commands: number; depth: number }
  | { type: 'artifacts'; dir: string; files: string[] }
  | { type: 'screenChecked'; screen: string; result: ScreenCheckResult }
  /** A flow ran on a phone its `appVersion:` range leaves out (only with `versionRanges: report`). */
  | { type: 'flowOutOfRange'; flow: string; file: string; range: string; appVersion: string; span: Span };

/** Receives events (a job's reporter takes the job's events too). */
export interface Reporter<E extends { type: string } = RunEvent> {
  emit(event: E): void;
}

/** Several reporters as one. */
export function fanOut<E extends { type: string }>(...reporters: Reporter<E>[]): Reporter<E> {
  return {
    emit(e) {
      for (const r of reporters) r.emit(e);
    },
  };
}

/** A reporter that keeps events in memory (tests, summaries). */
export class MemoryReporter<E extends { type: string } = RunEvent> implements Reporter<E> {
  readonly events: E[] = [];
  emit(e: E): void {
    this.events.push(e);
  }
  of<T extends E['type']>(type: T): Extract<E, { type: T }>[] {
    return this.events.filter((e): e is Extract<E, { type: T }> => e.type === type);
  }
}

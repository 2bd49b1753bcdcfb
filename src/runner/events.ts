/**
 * What a run tells the world. The runner and jobs only emit events; reporters (console, JSON log,
 * reports, notifications) decide what to do with them.
 */
import type { Span } from '../errors.js';

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
  // The backup job.
  | { type: 'jobStarted'; job: string; device: string; folder: string }
  | { type: 'draftsCounted'; count: number }
  | { type: 'draftStarted'; marker: string; index: number; resumed: boolean }
  | { type: 'draftStep'; marker: string; step: string }
  | { type: 'draftFinished'; outcome: DraftOutcome };

/** What happened to one draft in a backup. */
export interface DraftOutcome {
  marker: string;
  status: 'backed-up' | 'failed' | 'skipped' | 'would-back-up' | 'abandoned' | 'retried';
  caption?: string;
  file?: string;
  size?: number;
  sha256?: string;
  code?: string;
  reason?: string;
}

/** Receives events. */
export interface Reporter {
  emit(event: RunEvent): void;
}

/** Several reporters as one. */
export function fanOut(...reporters: Reporter[]): Reporter {
  return {
    emit(e) {
      for (const r of reporters) r.emit(e);
    },
  };
}

/** A reporter that keeps events in memory (tests, summaries). */
export class MemoryReporter implements Reporter {
  readonly events: RunEvent[] = [];
  emit(e: RunEvent): void {
    this.events.push(e);
  }
  of<T extends RunEvent['type']>(type: T): Extract<RunEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);
  }
}

/**
 * What the jobs tell the world, on top of the runner's flow and step events. Reporters (the
 * progress bar, the JSON log, reports, notifications) receive both.
 */
import type { Reporter, RunEvent } from '../runner/events.js';
import type { PreflightCheck } from './preflight.js';

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
  /** With --keep-drafts: whether the video went back as a draft. */
  kept?: boolean;
}

/** The backup job's own events. */
export type BackupEvent =
  | { type: 'jobStarted'; job: string; device: string; folder: string }
  | { type: 'draftsCounted'; count: number }
  | { type: 'draftStarted'; marker: string; index: number; resumed: boolean }
  | { type: 'draftStep'; marker: string; step: string }
  | { type: 'draftFinished'; outcome: DraftOutcome }
  | { type: 'preflight'; check: PreflightCheck };

/** Every event a job can emit. */
export type JobEvent = RunEvent | BackupEvent;

/** A reporter of job events. */
export type JobReporter = Reporter<JobEvent>;

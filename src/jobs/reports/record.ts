/**
 * A run as the reports tell it: a reporter that listens to the job's events (preflight, drafts,
 * failed steps with their YAML places, failure artifacts) and stamps them with the time they
 * arrived, then the run's outcome (exit code, error) when it ends. Reports, history and
 * notifications are all made from this one record.
 */
import { hostname } from 'node:os';
import { type DraftvaultError, ExitCode, toDraftvaultError } from '../../errors.js';
import type { BackupReport } from '../backup.js';
import type { DraftOutcome, JobEvent, JobReporter } from '../events.js';
import type { PreflightCheck } from '../preflight.js';

/** The step that failed, innermost first: where in the YAML and what to do. */
export interface FailedStep {
  flow: string;
  step: string;
  /** `flows/tiktok/post.yaml:12:5`. */
  where: string;
  code: string;
  message: string;
  hint?: string;
}

/** One draft in a report. */
export interface DraftRecord extends DraftOutcome {
  startedAt?: string;
  finishedAt?: string;
  durationMs?: number;
  failedStep?: FailedStep;
  /** The folder with the failure screenshot and page source. */
  artifactsDir?: string;
  screenshot?: string;
  /** A small JPEG in the report folder (`thumbs/1.jpg`), from the video or the screenshot. */
  thumbnail?: string;
  thumbnailFrom?: 'video' | 'screenshot';
}

/** What a run's report says (report.json). */
export interface RunReport {
  format: 'draftvault-run-report/1';
  job: string;
  device: string;
  deviceKey: string;
  host: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  exitCode: number;
  /** ok, incomplete (some drafts failed or were skipped), not ready (preflight), unavailable, failed, interrupted. */
  result: string;
  error?: { code: string; message: string; hint?: string; where?: string; failedStep?: FailedStep };
  preflight: PreflightCheck[];
  found: number;
  backedUp: number;
  failed: number;
  skipped: number;
  drafts: DraftRecord[];
  folder: string;
  runDir?: string;
  reportDir: string;
  appVersion?: string;
  notifications: { target: string; ok: boolean; detail: string }[];
}

function resultOf(exitCode: number, e?: DraftvaultError): string {
  if (exitCode === ExitCode.ok) return 'ok';
  if (exitCode === ExitCode.interrupted) return 'interrupted';
  if (e?.code === 'E_PREFLIGHT_FAILED') return 'not ready';
  if (exitCode === ExitCode.unavailable) return 'unavailable';
  if (exitCode === ExitCode.invalidInput) return 'invalid input';
  return e ? 'failed' : 'incomplete';
}

/** Collects a run's events into a {@link RunReport}. */
export class RunRecorder implements JobReporter {
  readonly preflight: PreflightCheck[] = [];
  readonly drafts: DraftRecord[] = [];
  runDir?: string;
  appVersion?: string;
  private readonly started = new Date();
  private current?: DraftRecord;
  /** A failed step outside any draft (counting drafts, launching): where the run itself failed. */
  private jobStep?: FailedStep;

  constructor(private readonly o: { job: string; device: string; deviceKey: string; folder: string }) {}

  emit(e: JobEvent): void {
    const now = new Date().toISOString();
    switch (e.type) {
      case 'preflight':
        this.preflight.push(e.check);
        break;
      case 'draftStarted':
        this.current = { marker: e.marker, status: 'failed', startedAt: now };
        break;
      case 'stepFinished':
        if (e.status !== 'failed' || !e.error) break;
        // Events come innermost first: keep the first, the step that actually failed.
        if (this.current ? this.current.failedStep : this.jobStep) break;
        {
          const step: FailedStep = {
            flow: e.flow,
            step: e.step,
            where: `${e.span.file}:${e.span.line}:${e.span.col}`,
            ...e.error,
          };
          if (this.current) this.current.failedStep = step;
          else this.jobStep = step;
        }
        break;
      case 'artifacts':
        if (!this.current) break;
        this.current.artifactsDir = e.dir;
        this.current.screenshot =
          e.files.find((f) => /screenshot[^/]*\.png$/.test(f)) ?? this.current.screenshot;
        break;
      case 'draftFinished': {
        const cur = this.current;
        const startedAt = cur?.startedAt ?? now;
        this.drafts.push({
          ...cur,
          ...e.outcome,
          // A draft that failed before it had a caption marker is "draft 2": keep the journal's.
          marker: cur && !e.outcome.marker.startsWith('#') ? cur.marker : e.outcome.marker,
          startedAt,
          finishedAt: now,
          durationMs: Date.parse(now) - Date.parse(startedAt),
        });
        this.current = undefined;
        break;
      }
      default:
        break;
    }
  }

  /** The report of the finished run: its result, or the error it ended with. */
  finish(o: { result?: BackupReport; error?: unknown; interrupted: boolean; reportDir: string }): RunReport {
    const finished = new Date();
    const e = o.error === undefined ? undefined : toDraftvaultError(o.error);
    const r = o.result;
    const exitCode = o.interrupted
      ? ExitCode.interrupted
      : e
        ? e.exitCode
        : r && (r.failed > 0 || r.skipped > 0)
          ? ExitCode.flowFailed
          : ExitCode.ok;
    const count = (s: DraftOutcome['status']) => this.drafts.filter((d) => d.status === s).length;
    return {
      format: 'draftvault-run-report/1',
      job: this.o.job,
      device: this.o.device,
      deviceKey: this.o.deviceKey,
      host: hostname(),
      startedAt: this.started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - this.started.getTime(),
      exitCode,
      result: resultOf(exitCode, e),
      error: e && {
        code: e.code,
        message: e.message,
        hint: e.hint,
        where: e.where ?? this.jobStep?.where,
        failedStep: this.jobStep,
      },
      preflight: this.preflight,
      found: r?.found ?? 0,
      backedUp: r?.backedUp ?? count('backed-up'),
      failed: r?.failed ?? count('failed'),
      skipped: r?.skipped ?? count('skipped'),
      drafts: this.drafts,
      folder: this.o.folder,
      runDir: this.runDir,
      reportDir: o.reportDir,
      appVersion: this.appVersion,
      notifications: [],
    };
  }
}

/**
 * Telling someone how a run went: a JSON summary POSTed to a webhook and/or handed to a command
 * (no shell: a program and its arguments, the summary on stdin). After failures only, or always
 * (config `notify.when`). A notification that fails is logged and recorded in the report; it
 * never changes the run's outcome.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import type { RunReport } from './reports/record.js';

/** What a notification carries. */
export interface RunSummary {
  tool: 'draftvault';
  job: string;
  device: string;
  host: string;
  result: string;
  exitCode: number;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  found: number;
  backedUp: number;
  failed: number;
  skipped: number;
  error?: { code: string; message: string; hint?: string; where?: string };
  /** Preflight checks that failed or warned. */
  preflight: { name: string; status: string; detail: string; fix?: string }[];
  /** The failed drafts, each with its error and YAML place. */
  failures: { marker: string; code?: string; reason?: string; where?: string }[];
  report: { dir: string; html: string; json: string; junit: string };
}

/** The summary of a report. */
export function summarize(r: RunReport): RunSummary {
  return {
    tool: 'draftvault',
    job: r.job,
    device: r.device,
    host: r.host,
    result: r.result,
    exitCode: r.exitCode,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    durationMs: r.durationMs,
    found: r.found,
    backedUp: r.backedUp,
    failed: r.failed,
    skipped: r.skipped,
    error: r.error && {
      code: r.error.code,
      message: r.error.message,
      hint: r.error.hint,
      where: r.error.where,
    },
    preflight: r.preflight.filter((c) => c.status === 'fail' || c.status === 'warn'),
    failures: r.drafts
      .filter((d) => d.status === 'failed' || d.status === 'skipped')
      .map((d) => ({ marker: d.marker, code: d.code, reason: d.reason, where: d.failedStep?.where })),
    report: {
      dir: r.reportDir,
      html: join(r.reportDir, 'report.html'),
      json: join(r.reportDir, 'report.json'),
      junit: join(r.reportDir, 'junit.xml'),
    },
  };
}

type Outcome = RunReport['notifications'][number];

async function postWebhook(
  hook: NonNullable<Config['notify']['webhook']>,
  body: string,
  timeoutMs: number,
): Promise<Outcome> {
  const target = `webhook ${new URL(hook.url).origin}`;
  try {
    const res = await fetch(hook.url, {
      method: 'POST',
      headers: { ...hook.headers, 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer().catch(() => undefined);
    return { target, ok: res.ok, detail: `HTTP ${res.status}` };
  } catch (err) {
    return {
      target,
      ok: false,
      detail: (err as Error).cause ? String((err as Error).cause) : (err as Error).message,
    };
  }
}

function runCommand(
  argv: readonly string[],
  body: string,
  r: RunReport,
  timeoutMs: number,
): Promise<Outcome> {
  const target = `command ${argv[0]}`;
  return new Promise((resolve) => {
    let stderr = '';
    const child = spawn(argv[0]!, argv.slice(1), {
      stdio: ['pipe', 'ignore', 'pipe'],
      env: {
        ...process.env,
        DRAFTVAULT_REPORT: join(r.reportDir, 'report.html'),
        DRAFTVAULT_REPORT_JSON: join(r.reportDir, 'report.json'),
        DRAFTVAULT_EXIT_CODE: String(r.exitCode),
        DRAFTVAULT_RESULT: r.result,
      },
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-500)));
    child.stdin.on('error', () => {});
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ target, ok: false, detail: err.message });
    });
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      const why = sig ? `killed (${sig}; over ${timeoutMs / 1000} s?)` : `exit ${code}`;
      resolve({ target, ok: code === 0, detail: `${why}${stderr.trim() ? `: ${stderr.trim()}` : ''}` });
    });
    child.stdin.end(body);
  });
}

/** Send the notifications the config asks for after this run; returns what happened to each. */
export async function notify(r: RunReport, cfg: Config['notify']): Promise<Outcome[]> {
  if (cfg.when === 'never' || (cfg.when === 'failure' && r.exitCode === 0)) return [];
  const body = JSON.stringify(summarize(r));
  const timeoutMs = cfg.timeoutSeconds * 1000;
  return Promise.all([
    ...(cfg.webhook ? [postWebhook(cfg.webhook, body, timeoutMs)] : []),
    ...(cfg.command ? [runCommand(cfg.command, body, r, timeoutMs)] : []),
  ]);
}

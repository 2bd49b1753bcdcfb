/**
 * The run as one self-contained HTML page (no script, no request: styles inline, pictures as
 * data URIs, a Content-Security-Policy that forbids anything else). Every text that came from the
 * phone or a file (captions, error messages) is escaped, so a caption cannot inject markup.
 */
import { formatBytes } from '../preflight.js';
import type { DraftRecord, RunReport } from './record.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML content and attributes. */
export function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);
}

/** A time in this computer's zone, `2026-12-02 03:00:05`. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** `0.4 s`, `12 s`, `1 m 23 s`. */
export function formatDuration(ms: number): string {
  if (ms < 9950) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} m ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} m`;
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1c2430}
header{background:#1c2430;color:#fff;padding:16px 24px}
header h1{margin:0 0 4px;font-size:20px}
main{padding:16px 24px;max-width:1100px}
.badge{display:inline-block;padding:2px 8px;border-radius:10px;font-weight:600;font-size:12px}
.ok,.backed-up,.would-back-up{background:#d7f5df;color:#0f5b2a}
.warn,.skipped,.retried,.incomplete,.skipped-check{background:#fff1c9;color:#6b4e00}
.fail,.failed,.abandoned,.not-ready,.unavailable,.interrupted,.invalid-input{background:#ffdcdc;color:#8a1212}
.not-read{background:#e6e8ec;color:#39424e}
.totals{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
.totals div{background:#fff;border-radius:8px;padding:8px 14px;box-shadow:0 1px 2px #0002}
.totals b{display:block;font-size:20px}
table{border-collapse:collapse;width:100%;background:#fff;box-shadow:0 1px 2px #0002}
td,th{padding:6px 10px;border-bottom:1px solid #e6e8ec;text-align:left;vertical-align:top}
.draft{display:flex;gap:14px;background:#fff;border-radius:8px;padding:12px;margin:10px 0;box-shadow:0 1px 2px #0002}
.thumb{width:96px;min-width:96px;height:160px;object-fit:cover;border-radius:6px;background:#dfe3ea}
.nothumb{display:flex;align-items:center;justify-content:center;color:#6a7380;font-size:12px;text-align:center}
.meta{color:#4a5563;font-size:13px}
.err{background:#fff6f6;border-left:4px solid #c62828;padding:8px 10px;margin-top:8px;white-space:pre-wrap;font-size:13px}
code{font:12px ui-monospace,monospace;background:#eef0f3;padding:1px 4px;border-radius:4px}
footer{color:#6a7380;font-size:12px;padding:16px 24px}
`;

function badge(text: string): string {
  return `<span class="badge ${esc(text.replace(/\s+/g, '-'))}">${esc(text)}</span>`;
}

function errorBox(e: { code: string; message: string; where?: string; hint?: string }): string {
  const where = e.where ? `\nwhere: <code>${esc(e.where)}</code>` : '';
  const hint = e.hint ? `\nwhat to do: ${esc(e.hint)}` : '';
  return `<div class="err"><b>${esc(e.code)}</b> ${esc(e.message)}${where}${hint}</div>`;
}

function draftCard(d: DraftRecord, pictures: Map<string, string>, i: number): string {
  const pic = d.thumbnail ? pictures.get(d.thumbnail) : undefined;
  const img = pic
    ? `<img class="thumb" alt="${esc(d.thumbnailFrom === 'video' ? 'first frame of the video' : 'failure screenshot')}" src="${pic}">`
    : `<div class="thumb nothumb">no picture</div>`;
  const facts = [
    d.startedAt && `started ${esc(localTime(d.startedAt))}`,
    d.durationMs !== undefined && `took ${esc(formatDuration(d.durationMs))}`,
    d.size !== undefined && esc(formatBytes(d.size)),
    d.sha256 && `sha256 <code>${esc(d.sha256.slice(0, 16))}…</code>`,
  ].filter(Boolean);
  const step = d.failedStep;
  // The outcome's reason carries the job's explanation (what was tried, which line to edit).
  const failure =
    step || d.reason
      ? errorBox({
          code: d.code ?? step?.code ?? d.status,
          message: d.reason ?? step?.message ?? '',
          where: step && `${step.where} (flow ${step.flow}, step ${step.step})`,
          hint: step?.hint && !d.reason?.includes(step.hint) ? step.hint : undefined,
        })
      : '';
  const shot = d.screenshot ? `<div class="meta">screenshot: <code>${esc(d.screenshot)}</code></div>` : '';
  return `<section class="draft" id="draft-${i + 1}">${img}<div>
<div>${badge(d.status)} <b>${esc(d.marker)}</b> ${esc(d.caption ?? '')}</div>
<div class="meta">${facts.join(' · ')}</div>
${d.file ? `<div class="meta">file: <code>${esc(d.file)}</code></div>` : ''}${failure}${shot}</div></section>`;
}

/** The report page. `pictures` maps a thumbnail's name to its data URI. */
export function renderHtml(r: RunReport, pictures: Map<string, string>): string {
  const when = localTime(r.startedAt);
  const totals = [
    ['found', r.found],
    ['backed up', r.backedUp],
    ['failed', r.failed],
    ['skipped', r.skipped],
    ['took', formatDuration(r.durationMs)],
    ['exit code', r.exitCode],
  ]
    .map(([k, v]) => `<div><b>${esc(v)}</b>${esc(k)}</div>`)
    .join('');
  const checks = r.preflight
    .map(
      (c) =>
        `<tr><td>${esc(c.name)}</td><td>${badge(c.status === 'skipped' ? 'not read' : c.status)}</td><td>${esc(c.detail)}</td><td>${esc(c.fix ?? '')}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>draftvault ${esc(r.job)} of ${esc(r.device)}: ${esc(r.result)} (${esc(when)})</title>
<style>${STYLE}</style></head><body>
<header><h1>draftvault ${esc(r.job)} of ${esc(r.device)} ${badge(r.result)}</h1>
<div>${esc(when)} on ${esc(r.host)}${r.appVersion ? ` · TikTok ${esc(r.appVersion)}` : ''}</div></header>
<main>
<div class="totals">${totals}</div>
${r.error ? errorBox(r.error) : ''}
<h2>Preflight</h2>
${checks ? `<table><tr><th>check</th><th>result</th><th>seen</th><th>fix</th></tr>${checks}</table>` : '<p>No check ran.</p>'}
<h2>Drafts</h2>
${r.drafts.length ? r.drafts.map((d, i) => draftCard(d, pictures, i)).join('\n') : '<p>No draft was handled.</p>'}
</main>
<footer>backups: <code>${esc(r.folder)}</code>${r.runDir ? ` · run folder (logs, artifacts): <code>${esc(r.runDir)}</code>` : ''} · also in this folder: report.json, junit.xml</footer>
</body></html>
`;
}

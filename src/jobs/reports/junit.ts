/**
 * The run as JUnit XML, for CI dashboards and anything that reads test results: one suite per
 * run, a test case per preflight check and per draft (failed → <failure>, skipped → <skipped>),
 * and one for the run itself when it ended with an error.
 */
import type { RunReport } from './record.js';

/** Text safe in XML 1.0 (no control characters) and escaped. */
export function xml(v: unknown): string {
  return (
    String(v ?? '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(3);

/** The report as a JUnit XML document. */
export function renderJunit(r: RunReport): string {
  const cases: string[] = [];
  let failures = 0;
  let skipped = 0;
  for (const c of r.preflight) {
    let body = '';
    if (c.status === 'fail') {
      failures++;
      body = `<failure type="E_PREFLIGHT_FAILED" message="${xml(c.detail)}">${xml(c.fix ?? '')}</failure>`;
    } else if (c.status === 'skipped') {
      skipped++;
      body = `<skipped message="${xml(c.detail)}"/>`;
    } else if (c.status === 'warn') body = `<system-out>${xml(`${c.detail}\n${c.fix ?? ''}`)}</system-out>`;
    cases.push(`    <testcase classname="preflight" name="${xml(c.name)}" time="0">${body}</testcase>`);
  }
  for (const d of r.drafts) {
    const name = `${d.marker}${d.caption ? ` ${d.caption}` : ''}`;
    let body = '';
    if (d.status === 'failed' || d.status === 'abandoned') {
      failures++;
      const s = d.failedStep;
      const detail = [d.reason, s && `at ${s.where} (flow ${s.flow}, step ${s.step})`, s?.hint, d.screenshot]
        .filter(Boolean)
        .join('\n');
      body = `<failure type="${xml(d.code ?? s?.code ?? 'E_STEP_FAILED')}" message="${xml(d.reason ?? s?.message)}">${xml(detail)}</failure>`;
    } else if (d.status === 'skipped') {
      skipped++;
      body = `<skipped message="${xml(d.reason ?? 'skipped')}"/>`;
    } else if (d.file) body = `<system-out>${xml(d.file)}</system-out>`;
    cases.push(
      `    <testcase classname="drafts" name="${xml(name)}" time="${seconds(d.durationMs)}">${body}</testcase>`,
    );
  }
  let errors = 0;
  if (r.error && r.error.code !== 'E_PREFLIGHT_FAILED' && r.error.code !== 'E_JOB_INCOMPLETE') {
    errors++;
    const detail = [r.error.where && `at ${r.error.where}`, r.error.hint].filter(Boolean).join('\n');
    cases.push(
      `    <testcase classname="run" name="${xml(r.job)}" time="${seconds(r.durationMs)}"><error type="${xml(r.error.code)}" message="${xml(r.error.message)}">${xml(detail)}</error></testcase>`,
    );
  }
  const attrs = `tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(r.durationMs)}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="draftvault" ${attrs}>
  <testsuite name="${xml(`${r.job} ${r.device}`)}" timestamp="${xml(r.startedAt)}" hostname="${xml(r.host)}" ${attrs}>
${cases.join('\n')}
  </testsuite>
</testsuites>
`;
}

/**
 * Run reports from a recorded run (the job's own events, a real H.264 video as the simulator
 * makes them, a real PNG as a failure screenshot): report.json, JUnit XML read by a real XML
 * parser, the self-contained HTML page rendered in headless Chromium (pictures decoded, no
 * request, a hostile caption shown as text) with a screenshot kept in test-artifacts/, and
 * retention that deletes only inside the folders that own what it deletes.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { encodeVideo } from 'draftvault-sim-driver/api';
import { describe, expect, it } from 'vitest';
import { RunRecorder, type RunReport } from '../../src/jobs/reports/record.js';
import { listReports, newReportDir, pruneReports, writeReport } from '../../src/jobs/reports/write.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('dv-report-');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const HOSTILE = 'cat <img src=x onerror="document.title=\'pwned\'"> </script><b>bold</b> #dvbbbbbbbb';

/** A 48×80 RGB PNG (a red-to-blue gradient), as a phone screenshot would be. */
function png(): Buffer {
  const w = 48;
  const h = 80;
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(h * (1 + w * 3));
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) rows.set([(x * 5) & 255, 40, (y * 3) & 255], y * (1 + w * 3) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A run recorded from the events a backup emits: one draft backed up, one failed, one skipped. */
async function recordedRun(home: string, deviceKey = 'sim-rep'): Promise<RunReport> {
  const video = join(home, '001-beach-dvaaaaaaaa.mp4');
  writeFileSync(video, (await encodeVideo(3, 'report-test')).bytes);
  const artifacts = join(home, 'runs', 'r1', 'dvcccccccc');
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, 'failure-screenshot.png'), png());
  const rec = new RunRecorder({ job: 'backup', device: 'sim:rep', deviceKey, folder: join(home, 'backups') });
  rec.runDir = join(home, 'runs', 'r1');
  rec.emit({ type: 'preflight', check: { name: 'battery', status: 'ok', detail: '87%, charging' } });
  rec.emit({
    type: 'preflight',
    check: { name: 'tiktok', status: 'warn', detail: 'TikTok 48.1.0 is newer', fix: 'widen appVersion' },
  });
  rec.emit({ type: 'draftStarted', marker: '#dvaaaaaaaa', index: 0, resumed: false });
  rec.emit({
    type: 'draftFinished',
    outcome: {
      marker: '#dvaaaaaaaa',
      status: 'backed-up',
      caption: 'beach #dvaaaaaaaa',
      file: video,
      size: 8700,
      sha256: 'ab'.repeat(32),
    },
  });
  rec.emit({ type: 'draftStarted', marker: '#dvcccccccc', index: 1, resumed: false });
  const span = { file: 'flows/tiktok/post.yaml', line: 12, col: 5 };
  rec.emit({
    type: 'stepFinished',
    flow: 'post',
    step: 'tap',
    span,
    depth: 1,
    status: 'failed',
    durationMs: 10,
    commands: 3,
    error: {
      code: 'E_ELEMENT_NOT_FOUND',
      message: 'no element for post.post',
      hint: 'edit post.post at flows/tiktok/selectors.yaml:88:3',
    },
  });
  rec.emit({
    type: 'stepFinished',
    flow: 'prepare-post',
    step: 'runFlow',
    span: { ...span, file: 'flows/tiktok/prepare-post.yaml' },
    depth: 0,
    status: 'failed',
    durationMs: 12,
    commands: 3,
    error: { code: 'E_ELEMENT_NOT_FOUND', message: 'outer' },
  });
  rec.emit({
    type: 'artifacts',
    dir: artifacts,
    files: [join(artifacts, 'failure-screenshot.png'), join(artifacts, 'failure-page-source.xml')],
  });
  rec.emit({
    type: 'draftFinished',
    outcome: {
      marker: 'draft 2',
      status: 'failed',
      code: 'E_ELEMENT_NOT_FOUND',
      reason: 'no element for post.post (edit post.post at flows/tiktok/selectors.yaml:88:3)',
    },
  });
  rec.emit({ type: 'draftStarted', marker: '#dvbbbbbbbb', index: 2, resumed: false });
  rec.emit({
    type: 'draftFinished',
    outcome: {
      marker: '#dvbbbbbbbb',
      status: 'skipped',
      caption: HOSTILE,
      code: 'E_PRIVACY_UNPROVEN',
      reason: 'Post refused: the screen did not prove "Only you"',
    },
  });
  const report = rec.finish({
    result: { found: 3, backedUp: 1, failed: 1, skipped: 1, drafts: [] },
    interrupted: false,
    reportDir: newReportDir(home, deviceKey),
  });
  await writeReport(report, { pictures: true });
  return report;
}

describe('run reports', () => {
  it('report.json and JUnit XML say what happened to each draft, with the YAML place of a failure', async () => {
    const r = await recordedRun(tmp());
    expect(r).toMatchObject({
      result: 'incomplete',
      exitCode: 1,
      found: 3,
      backedUp: 1,
      failed: 1,
      skipped: 1,
    });
    const saved = JSON.parse(readFileSync(join(r.reportDir, 'report.json'), 'utf8')) as RunReport;
    expect(saved.drafts.map((d) => [d.marker, d.status, d.thumbnailFrom])).toEqual([
      ['#dvaaaaaaaa', 'backed-up', 'video'],
      ['#dvcccccccc', 'failed', 'screenshot'],
      ['#dvbbbbbbbb', 'skipped', undefined],
    ]);
    // The innermost failed step is the place to look at, not the runFlow that called it.
    expect(saved.drafts[1]!.failedStep).toMatchObject({ where: 'flows/tiktok/post.yaml:12:5', flow: 'post' });
    expect(readdirSync(join(r.reportDir, 'thumbs')).sort()).toEqual(['1.jpg', '2.jpg']);
    expect(readFileSync(join(r.reportDir, 'thumbs', '1.jpg')).subarray(0, 3)).toEqual(
      Buffer.from([0xff, 0xd8, 0xff]),
    );

    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, msg) => errors.push(`${level}: ${msg}`) }).parseFromString(
      readFileSync(join(r.reportDir, 'junit.xml'), 'utf8'),
      'text/xml',
    );
    expect(errors).toEqual([]);
    const suite = doc.getElementsByTagName('testsuite')[0]!;
    expect(['tests', 'failures', 'skipped', 'errors'].map((a) => suite.getAttribute(a))).toEqual([
      '5',
      '1',
      '1',
      '0',
    ]);
    const failure = doc.getElementsByTagName('failure')[0]!;
    expect(failure.getAttribute('type')).toBe('E_ELEMENT_NOT_FOUND');
    expect(failure.textContent).toContain('at flows/tiktok/post.yaml:12:5 (flow post, step tap)');
    const names = Array.from({ length: 5 }, (_, i) =>
      doc.getElementsByTagName('testcase')[i]!.getAttribute('name'),
    );
    expect(names).toContain(`#dvbbbbbbbb ${HOSTILE}`);
  });

  it('keeps the newest reports.keep per device, deleting their run folders only inside <home>/runs', async () => {
    const home = tmp();
    const mine: RunReport[] = [];
    for (let i = 0; i < 3; i++) mine.push(await recordedRun(home));
    const other = await recordedRun(home, 'sim-other');
    // A report whose runDir points outside the runs folder (edited, or a bug): never followed.
    mine[0]!.runDir = ROOT;
    writeFileSync(join(mine[0]!.reportDir, 'report.json'), JSON.stringify(mine[0]));
    const deleted = pruneReports(home, 'sim-rep', 1);
    expect(deleted.sort()).toEqual([join(home, 'runs', 'r1'), mine[0]!.reportDir, mine[1]!.reportDir].sort());
    expect(
      listReports(home)
        .map((x) => x.dir)
        .sort(),
    ).toEqual([mine[2]!.reportDir, other.reportDir].sort());
    expect(readdirSync(ROOT)).toContain('package.json');
  });
});

describe.skipIf(!hasBrowser)('the HTML report in a real browser', { timeout: 60_000 }, () => {
  it('renders with its pictures, asks for nothing, shows a hostile caption as text', async () => {
    const r = await recordedRun(tmp());
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (q) => requests.push(q.url()));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      const url = `file://${join(r.reportDir, 'report.html')}`;
      await page.goto(url);
      expect(requests, 'a self-contained page loads nothing else').toEqual([url]);
      expect(problems).toEqual([]);
      expect(await page.title()).toMatch(/^draftvault backup of sim:rep: incomplete/);
      const pictures = await page.$$eval('img.thumb', (imgs) =>
        imgs.map((i) => ({ alt: i.getAttribute('alt'), w: (i as HTMLImageElement).naturalWidth })),
      );
      expect(pictures).toEqual([
        { alt: 'first frame of the video', w: 160 },
        { alt: 'failure screenshot', w: 160 },
      ]);
      expect(await page.locator('#draft-2 .err').textContent()).toMatch(
        /E_ELEMENT_NOT_FOUND no element for post\.post .*\nwhere: flows\/tiktok\/post\.yaml:12:5 \(flow post, step tap\)/s,
      );
      expect(await page.locator('#draft-3').textContent()).toContain(HOSTILE);
      expect(await page.locator('#draft-3 img, #draft-3 b:not(:first-of-type)').count()).toBe(0);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});

/**
 * A run's report folder, `<data home>/reports/<UTC stamp>-<device>/`: report.json, a
 * self-contained report.html, junit.xml and the thumbnails. After writing, only the newest
 * `reports.keep` folders of the device stay; older ones (and the run folders they name) are
 * deleted, each only inside the folder that owns it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isInside } from '../../core/paths.js';
import { ensurePrivateDir } from '../../paths.js';
import { removeInside } from '../folders.js';
import { writePrivate } from '../sinks.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import type { RunReport } from './record.js';
import { makeThumbnails, type ThumbJob } from './thumbs.js';

/** Where reports live in a data home. */
export function reportsRoot(home: string): string {
  return join(home, 'reports');
}

/** A new report folder for a run of `deviceKey` that started at `started`. */
export function newReportDir(home: string, deviceKey: string, started = new Date()): string {
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  let dir = join(reportsRoot(home), `${stamp}-${deviceKey}`);
  for (let n = 2; existsSync(dir); n++) dir = join(reportsRoot(home), `${stamp}-${deviceKey}-${n}`);
  return dir;
}

/** Thumbnails for the drafts: the video when there is one, else the failure screenshot. */
async function thumbnails(r: RunReport, dir: string): Promise<Map<string, string>> {
  const jobs: (ThumbJob & { i: number; from: 'video' | 'screenshot' })[] = [];
  r.drafts.forEach((d, i) => {
    const input = d.file && existsSync(d.file) ? d.file : d.screenshot;
    if (!input || !existsSync(input)) return;
    jobs.push({
      input,
      output: join(dir, 'thumbs', `${i + 1}.jpg`),
      i,
      from: input === d.file ? 'video' : 'screenshot',
    });
  });
  const pictures = new Map<string, string>();
  if (!jobs.length) return pictures;
  ensurePrivateDir(join(dir, 'thumbs'));
  const made = await makeThumbnails(jobs);
  jobs.forEach((j, k) => {
    if (!made[k]) return;
    const name = `thumbs/${j.i + 1}.jpg`;
    const d = r.drafts[j.i]!;
    d.thumbnail = name;
    d.thumbnailFrom = j.from;
    pictures.set(name, `data:image/jpeg;base64,${readFileSync(j.output).toString('base64')}`);
  });
  return pictures;
}

/**
 * Write the report folder `r.reportDir`. `pictures: false` (an interrupted run: no time left)
 * writes it without thumbnails.
 */
export async function writeReport(r: RunReport, o: { pictures: boolean }): Promise<void> {
  const dir = ensurePrivateDir(r.reportDir);
  const pictures = o.pictures ? await thumbnails(r, dir) : new Map<string, string>();
  await writePrivate(join(dir, 'report.json'), `${JSON.stringify(r, null, 2)}\n`);
  await writePrivate(join(dir, 'report.html'), renderHtml(r, pictures));
  await writePrivate(join(dir, 'junit.xml'), renderJunit(r));
}

/** Rewrite report.json (after the notifications, which it records). */
export async function rewriteReportJson(r: RunReport): Promise<void> {
  await writePrivate(join(r.reportDir, 'report.json'), `${JSON.stringify(r, null, 2)}\n`);
}

/** Read a report folder's report.json; undefined when it is missing or not one. */
export function readReport(dir: string): RunReport | undefined {
  try {
    const r = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport;
    return r?.format === 'draftvault-run-report/1' ? r : undefined;
  } catch {
    return undefined;
  }
}

/** Every report under the data home, newest first (folders that hold none are left alone). */
export function listReports(home: string): { dir: string; report: RunReport }[] {
  const root = reportsRoot(home);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ dir: join(root, e.name), report: readReport(join(root, e.name)) }))
    .filter((x): x is { dir: string; report: RunReport } => !!x.report)
    .sort((a, b) => b.report.startedAt.localeCompare(a.report.startedAt));
}

/**
 * Keep the newest `keep` report folders of `deviceKey`; delete the others and their run
 * folders (a run folder only when it is inside `<home>/runs`). Returns what was deleted.
 */
export function pruneReports(home: string, deviceKey: string, keep: number): string[] {
  const root = reportsRoot(home);
  const runs = join(home, 'runs');
  const deleted: string[] = [];
  const mine = listReports(home).filter((x) => x.report.deviceKey === deviceKey);
  for (const { dir, report } of mine.slice(keep)) {
    // report.json is data on disk: its runDir is trusted only inside the runs folder.
    const runDir = report.runDir && resolve(report.runDir);
    if (runDir && runDir !== resolve(runs) && isInside(runs, runDir) && existsSync(runDir)) {
      removeInside(runs, runDir);
      deleted.push(runDir);
    }
    removeInside(root, dir);
    deleted.push(dir);
  }
  return deleted;
}

/**
 * Thumbnails for the HTML report: the first frame of each backed-up video, or a poster made from
 * a failed draft's screenshot, as small JPEGs in the report folder. Made by one child process
 * for the whole report (thumbs-child.ts), bounded in time; a thumbnail that cannot be made is
 * left out, never a reason for the run to fail.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../paths.js';

/** One picture to make. */
export interface ThumbJob {
  input: string;
  output: string;
}

function childScript(): string {
  const beside = fileURLToPath(new URL('./thumbs-child.js', import.meta.url));
  // From the TypeScript sources (tests), the compiled child is in dist/.
  return existsSync(beside) ? beside : join(packageRoot(), 'dist', 'jobs', 'reports', 'thumbs-child.js');
}

/** Make the thumbnails; `true` for each one written. Never throws. */
export function makeThumbnails(jobs: readonly ThumbJob[], timeoutMs = 60_000): Promise<boolean[]> {
  const none = jobs.map(() => false);
  if (!jobs.length) return Promise.resolve(none);
  return new Promise((resolve) => {
    let out = '';
    const child = spawn(process.execPath, [childScript()], { stdio: ['pipe', 'pipe', 'ignore'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.on('error', () => resolve(none));
    child.on('close', (code) => {
      clearTimeout(timer);
      try {
        const res = JSON.parse(out) as { ok: boolean }[];
        resolve(code === 0 ? jobs.map((_, i) => res[i]?.ok === true) : none);
      } catch {
        resolve(none);
      }
    });
    child.stdin.on('error', () => {});
    child.stdin.end(JSON.stringify(jobs));
  });
}

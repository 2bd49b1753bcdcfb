/** One run per backup folder: a second run is refused with exit 4; a killed holder's lock is taken over. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DraftvaultError } from '../../src/errors.js';
import { lockFolder } from '../../src/jobs/lock.js';
import { ROOT } from '../helpers/proc.js';

/** Another process that takes the lock and holds it until killed. */
function holder(dir: string): Promise<ReturnType<typeof spawn>> {
  const code = `import('${join(ROOT, 'dist', 'jobs', 'lock.js')}').then(async (m) => { await m.lockFolder(${JSON.stringify(dir)}, 'test holder'); console.log('held'); setInterval(() => {}, 1000); });`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (s: string) => s.includes('held') && resolve(child));
    child.on('exit', (c) => reject(new Error(`holder exited ${c}`)));
  });
}

describe('the backup folder lock', () => {
  it('refuses a second holder with E_LOCKED (exit 4) naming the first, and is free again after release', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dv-lock-'));
    const release = await lockFolder(dir, 'first');
    const err = await lockFolder(dir, 'second').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DraftvaultError);
    expect((err as DraftvaultError).code).toBe('E_LOCKED');
    expect((err as DraftvaultError).exitCode).toBe(4);
    expect((err as DraftvaultError).message).toMatch(new RegExp(`first, pid ${process.pid}`));
    await release();
    await (await lockFolder(dir, 'third'))();
  });

  it('takes over at once the lock of a process that was killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dv-lock-'));
    const child = await holder(dir);
    const err = await lockFolder(dir, 'while held').catch((e: unknown) => e);
    expect((err as DraftvaultError).code).toBe('E_LOCKED');
    expect((err as DraftvaultError).message).toMatch(/test holder/);
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;
    const release = await lockFolder(dir, 'after the kill');
    await release();
  });
});

/**
 * One run at a time per backup folder (and per device): a lock held with proper-lockfile inside
 * the folder it protects. The holder's pid and host are written beside it, so a lock left by a
 * killed run (SIGKILL, power loss) is taken over at once when its process is gone, and after the
 * stale timeout otherwise.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { DraftvaultError } from '../errors.js';
import { removeInside } from './folders.js';

/** Who holds a lock. */
interface Owner {
  pid: number;
  host: string;
  since: string;
  what: string;
}

const STALE_MS = 10_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function mtime(p: string): number | undefined {
  return existsSync(p) ? statSync(p).mtimeMs : undefined;
}

function readOwner(file: string): Owner | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

/**
 * Lock `dir` (which must exist) for `what` ("backup", "run on sim:a"...). Throws E_LOCKED (exit 4)
 * naming the holder when a live run has it. Returns the release function.
 */
export async function lockFolder(dir: string, what: string): Promise<() => Promise<void>> {
  const lockDir = join(dir, '.lock');
  const ownerFile = join(dir, '.lock-owner.json');
  const opts = { lockfilePath: lockDir, stale: STALE_MS, retries: 0, realpath: false };
  const take = () =>
    lockfile.lock(dir, {
      ...opts,
      // Losing the lock mid-run (the folder was tampered with) must stop this run, not corrupt it.
      onCompromised: (err) => {
        throw new DraftvaultError('E_LOCKED', `lost the lock on ${dir}`, { cause: err });
      },
    });
  let release: () => Promise<void>;
  try {
    release = await take();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    const seen = mtime(lockDir);
    const owner = readOwner(ownerFile);
    const dead = owner && owner.host === hostname() && !alive(owner.pid);
    if (!dead) {
      throw new DraftvaultError(
        'E_LOCKED',
        `${dir} is in use by another draftvault run${owner ? ` (${owner.what}, pid ${owner.pid} on ${owner.host}, since ${owner.since})` : ''}`,
        {
          hint: 'wait for it to finish, or stop it; a killed run’s lock is taken over automatically',
          cause: err,
        },
      );
    }
    // The holder is gone: take its lock over (unless another run just did: the lock is newer).
    if (mtime(lockDir) === seen) removeInside(dir, lockDir);
    release = await take().catch((e: unknown) => {
      throw new DraftvaultError('E_LOCKED', `${dir} is in use by another draftvault run`, { cause: e });
    });
  }
  await writeFileAtomic(
    ownerFile,
    JSON.stringify({
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      what,
    } satisfies Owner),
    { mode: 0o600 },
  );
  return release;
}

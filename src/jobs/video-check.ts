/**
 * "Is this a good video?", answered one way for every caller (a pulled backup, a stored one,
 * a file to restore): the file is there, not empty, a real MP4 with a duration; its size and
 * sha256 (streamed, so memory stays flat for large videos).
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { Mp4Error, probeMp4File } from '../media/mp4.js';

/** The result of checking one file. */
export interface VideoCheck {
  ok: boolean;
  size: number;
  sha256: string;
  durationMs: number;
  problem?: string;
}

/** The sha256 of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Check a video file on disk. Never throws for a bad file: `ok` and `problem` say. */
export async function checkVideoFile(path: string): Promise<VideoCheck> {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, size: 0, sha256: '', durationMs: 0, problem: 'not a file' };
    size = st.size;
  } catch {
    return { ok: false, size: 0, sha256: '', durationMs: 0, problem: 'the file is missing' };
  }
  const sha256 = await sha256File(path);
  try {
    const info = await probeMp4File(path);
    return { ok: true, size, sha256, durationMs: info.durationMs };
  } catch (err) {
    const problem = err instanceof Mp4Error ? `not a playable MP4: ${err.message}` : String(err);
    return { ok: false, size, sha256, durationMs: 0, problem };
  }
}

/**
 * The simulated phone's `adb pull`: what a USB phone's adb gives a computer next to it, a file
 * streamed from shared storage to a local file, never whole in memory (a 200 MB video costs no
 * 200 MB). Only for a client on the computer that holds the phone's folder (the embedded
 * server's); a remote client pulls through the WebDriver session instead.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { normalizePhonePath, PhonePathError, PhoneStore, shellMayRead } from './store.js';

/**
 * Copy the phone file `remotePath` of the phone `device` under `home` into `localPath` (created
 * 0600). App-private paths are refused as adb refuses them without root.
 */
export async function adbPull(
  home: string,
  device: string,
  remotePath: string,
  localPath: string,
  signal?: AbortSignal,
): Promise<void> {
  const p = normalizePhonePath(remotePath);
  if (!shellMayRead(p))
    throw new PhonePathError(`adb: error: failed to stat remote object '${remotePath}': Permission denied`);
  const host = PhoneStore.of(home, device).hostPath(p);
  await pipeline(createReadStream(host), createWriteStream(localPath, { mode: 0o600, flush: true }), {
    signal,
  });
}

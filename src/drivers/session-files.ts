/**
 * Copying a phone file over the WebDriver session (`pullFile`: base64 in one response, the only
 * way through a server on another computer), for every device kind that has no faster path.
 */
import { open } from 'node:fs/promises';

/** Pull `remote` into the local file `local` (created 0600, synced before it counts as written). */
export async function pullToFile(s: WebdriverIO.Browser, remote: string, local: string): Promise<void> {
  const fh = await open(local, 'w', 0o600);
  try {
    await fh.writeFile(Buffer.from(await s.pullFile(remote), 'base64'));
    await fh.sync();
  } finally {
    await fh.close();
  }
}

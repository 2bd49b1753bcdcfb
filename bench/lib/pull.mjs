/**
 * Extra client memory while the backup pulls a 200 MB video: the simulated phone's adb-style
 * stream (what draftvault uses with its embedded server, as `adb pull` on a USB phone) and,
 * for comparison, one `pullFile` through the WebDriver session (base64 in one response).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resetPhone } from 'draftvault-sim-driver/api';
import { simHome } from '../../dist/drivers/sim-adapter/index.js';
import { startBenchServer } from './server.mjs';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'pull-child.mjs');
const SIZE_MB = 200;

/** A big file in the phone's Camera folder, written straight into its folder (setup, not measured). */
function bigFile(phone) {
  const dir = join(simHome(), phone, 'fs', 'sdcard', 'DCIM', 'Camera');
  mkdirSync(dir, { recursive: true });
  const fd = openSync(join(dir, 'big.mp4'), 'w');
  const chunk = Buffer.alloc(1 << 20, 0x5a);
  for (let i = 0; i < SIZE_MB; i++) writeSync(fd, chunk);
  closeSync(fd);
}

export async function pull({ work, log }) {
  const dir = join(work, 'pull');
  mkdirSync(dir, { recursive: true });
  const phone = 'pull-big';
  await resetPhone(simHome(), { name: phone, drafts: 0, seed: 4242 });
  bigFile(phone);
  const { server, endpoint } = await startBenchServer(dir);
  const runs = {};
  try {
    for (const mode of ['adb', 'session']) {
      const local = join(dir, `${mode}.mp4`);
      const out = execFileSync(
        process.execPath,
        ['--expose-gc', CHILD, mode, JSON.stringify(endpoint), phone, '/sdcard/DCIM/Camera/big.mp4', local],
        { encoding: 'utf8', env: process.env },
      );
      runs[mode] = JSON.parse(out.trim().split('\n').at(-1));
      rmSync(local, { force: true });
      log(`${mode}: +${runs[mode].extraMb.toFixed(1)} MB in ${(runs[mode].ms / 1000).toFixed(2)} s`);
    }
  } finally {
    await server.stop();
  }
  return { sizeMb: SIZE_MB, extraMb: runs.adb.extraMb, sessionExtraMb: runs.session.extraMb, runs };
}

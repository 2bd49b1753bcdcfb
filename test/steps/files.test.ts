/** pushFile, pullFile, deleteFile, screenshot: what they do on the phone and on the computer. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSteps } from '../helpers/flow.js';
import { useSimServer } from '../helpers/sim.js';

const sim = useSimServer();

describe('file steps', () => {
  it('pushFile puts a file in the gallery, pullFile copies it into the run folder, deleteFile removes it', async () => {
    const bytes = Buffer.from('a clip the flow pushes');
    const r = await runSteps(
      sim,
      'st-files',
      [
        '  - pushFile: { from: clip.txt, to: /sdcard/Movies/clip.txt }',
        '  - pullFile: { from: /sdcard/Movies/clip.txt, to: copies/clip.txt }',
        '  - deleteFile: /sdcard/Movies/clip.txt',
      ].join('\n'),
      { files: { 'clip.txt': bytes } },
    );
    expect(r.result.error?.message).toBeUndefined();
    expect(readFileSync(join(r.runDir, 'copies', 'clip.txt'))).toEqual(bytes);
    const onPhone = join(sim.phones, 'st-files', 'fs', 'sdcard', 'Movies', 'clip.txt');
    expect(existsSync(onPhone), 'deleted on the phone').toBe(false);
  });

  it('screenshot saves a PNG into the run folder', async () => {
    const r = await runSteps(sim, 'st-shot', '  - launchApp\n  - screenshot: home');
    expect(r.result.error?.message).toBeUndefined();
    const png = readFileSync(join(r.runDir, 'home.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});

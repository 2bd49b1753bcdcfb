/**
 * The thumbnail maker, run as its own process by thumbs.ts: FFmpeg compiled to WebAssembly
 * (@ffmpeg/core, shipped inside the npm package, so nothing to install on the machine) decodes
 * the first frame of each video, or scales a failure screenshot, into a small JPEG. Its own
 * process because the build expects a browser worker's globals (set below, nowhere else), holds
 * ~100 MB while it works, and can be killed when a file hangs the decoder.
 *
 * stdin: `[{ "input": path, "output": path }]`; stdout: `[{ "ok": true } | { "ok": false, "error": … }]`.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface Core {
  FS: { writeFile(p: string, d: Uint8Array): void; readFile(p: string): Uint8Array; unlink(p: string): void };
  exec(...args: string[]): number;
}
type CreateCore = (o: Record<string, unknown>) => Promise<Core>;

/** Larger inputs are not copied into the decoder's memory (no thumbnail, the report says so). */
const MAX_INPUT_BYTES = 512 * 1024 * 1024;

async function main(): Promise<void> {
  const jobs = JSON.parse(readFileSync(0, 'utf8')) as { input: string; output: string }[];
  // The build looks for a worker's `self.location` to find its files; its wasm is handed over below.
  Object.assign(globalThis, { self: globalThis, location: { href: 'file:///' } });
  const require = createRequire(import.meta.url);
  const create = require('@ffmpeg/core') as CreateCore;
  const core = await create({
    wasmBinary: readFileSync(require.resolve('@ffmpeg/core/wasm')),
    print: () => {},
    printErr: () => {},
  });
  const results = jobs.map(({ input, output }, i) => {
    try {
      if (statSync(input).size > MAX_INPUT_BYTES) return { ok: false, error: 'too large to decode here' };
      const name = `in${i}`;
      core.FS.writeFile(name, readFileSync(input));
      const rc = core.exec('-i', name, '-frames:v', '1', '-vf', 'scale=160:-2', '-q:v', '5', `out${i}.jpg`);
      core.FS.unlink(name);
      if (rc !== 0) return { ok: false, error: `ffmpeg exited ${rc}` };
      writeFileSync(output, core.FS.readFile(`out${i}.jpg`), { mode: 0o600 });
      return { ok: true };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  });
  process.stdout.write(JSON.stringify(results));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

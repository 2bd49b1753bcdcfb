/**
 * Real, playable MP4 videos for simulated drafts: H.264 (baseline) in ftyp/moov/mdat, encoded by
 * h264-mp4-encoder (WebAssembly, shipped inside the npm package). Each draft's picture differs,
 * and a top-level `free` box names the draft, so a saved file traces back to its draft by bytes.
 */
import { createHash } from 'node:crypto';

const WIDTH = 96;
const HEIGHT = 160;
const FPS = 15;

/** An encoded video and its facts. */
export interface EncodedVideo {
  bytes: Buffer;
  sha256: string;
  durationMs: number;
}

/** A top-level MP4 `free` box carrying `text` (players skip it; it keeps the file valid). */
function freeBox(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write('free', 4, 'ascii');
  return Buffer.concat([head, body]);
}

/**
 * Encode a short video whose colours derive from `seed`, tagged with `tag` (e.g. the draft id).
 * `frames` sets the length (15 fps): 30 frames = 2 s.
 */
export async function encodeVideo(seed: number, tag: string, frames = 30): Promise<EncodedVideo> {
  // Loaded on first use: the encoder compiles WebAssembly (~0.3 s) and installs process-wide
  // exception handlers; a process that only reads the API (a command line) needs neither.
  const { default: HME } = await import('h264-mp4-encoder');
  const enc = await HME.createH264MP4Encoder();
  try {
    enc.width = WIDTH;
    enc.height = HEIGHT;
    enc.frameRate = FPS;
    enc.initialize();
    const px = new Uint8Array(WIDTH * HEIGHT * 4);
    const hue = (seed * 47) % 256;
    for (let f = 0; f < frames; f++) {
      for (let i = 0; i < WIDTH * HEIGHT; i++) {
        const x = i % WIDTH;
        const y = Math.floor(i / WIDTH);
        px[i * 4] = (hue + f * 4) & 255;
        px[i * 4 + 1] = ((x + y + seed * 13) * 2) & 255;
        px[i * 4 + 2] = (255 - hue + ((y >> 4) & 1) * 64) & 255;
        px[i * 4 + 3] = 255;
      }
      enc.addFrameRgba(px);
    }
    enc.finalize();
    const mp4 = Buffer.from(enc.FS.readFile(enc.outputFilename));
    const bytes = Buffer.concat([mp4, freeBox(`draftvault-sim ${tag}`)]);
    return {
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      durationMs: Math.round((frames / FPS) * 1000),
    };
  } finally {
    enc.delete();
  }
}

/** The tag a simulated video carries (found with `bytes.includes(...)`). */
export function videoTag(bytes: Buffer): string | undefined {
  const i = bytes.lastIndexOf('draftvault-sim ');
  return i < 0 ? undefined : bytes.subarray(i + 15).toString('utf8');
}

/**
 * MP4 structure checks with mp4box (GPAC's parser): is this a real MP4 (ftyp, moov, mdat), how
 * long does it play, which tracks does it have. One probe for bytes in memory and files on disk:
 * both are read through a byte source in chunks, so a large video never sits in memory.
 */
import { open } from 'node:fs/promises';
import { createFile, type Movie } from 'mp4box';

/** What a probe found. */
export interface Mp4Info {
  /** Top-level box types in file order, e.g. ["ftyp", "free", "mdat", "moov"]. */
  boxes: string[];
  durationMs: number;
  tracks: { codec: string; type: string; durationMs: number }[];
  brands: string[];
}

/** Why a file is not a usable MP4. */
export class Mp4Error extends Error {}

/** Bytes to probe: a size and a way to read a range. */
export interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Bytes already in memory. */
export function bufferSource(b: Uint8Array): ByteSource {
  return { size: b.length, read: async (o, n) => b.subarray(o, o + n) };
}

/** The top-level box types, walking sizes (stops at the first box that does not fit). */
export async function topLevelBoxes(src: ByteSource): Promise<string[]> {
  const out: string[] = [];
  let off = 0;
  while (off + 8 <= src.size) {
    const h = Buffer.from(await src.read(off, Math.min(16, src.size - off)));
    let size = h.readUInt32BE(0);
    const type = h.toString('latin1', 4, 8);
    if (size === 1 && h.length >= 16) size = Number(h.readBigUInt64BE(8));
    else if (size === 0) size = src.size - off;
    if (size < 8 || off + size > src.size) break;
    out.push(type);
    off += size;
  }
  return out;
}

/** Facts of a parsed movie; a movie without duration is not usable. */
function movieInfo(movie: Movie, boxes: string[]): Mp4Info {
  const durationMs = movie.timescale ? Math.round((movie.duration / movie.timescale) * 1000) : 0;
  if (durationMs <= 0) throw new Mp4Error('the movie has no duration');
  return {
    boxes,
    durationMs,
    brands: movie.brands,
    tracks: movie.tracks.map((t) => ({
      codec: t.codec,
      type: t.type ?? (t.video ? 'video' : 'audio'),
      durationMs: t.timescale ? Math.round((t.duration / t.timescale) * 1000) : 0,
    })),
  };
}

/** Probe an MP4; throws Mp4Error when a required box is missing or the movie has no duration. */
export async function probeMp4(src: ByteSource, chunkBytes = 4 * 1024 * 1024): Promise<Mp4Info> {
  if (src.size === 0) throw new Mp4Error('the file is empty');
  const boxes = await topLevelBoxes(src);
  for (const need of ['ftyp', 'moov', 'mdat']) {
    if (!boxes.includes(need))
      throw new Mp4Error(`no ${need} box (top-level boxes: ${boxes.join(', ') || 'none'})`);
  }
  const file = createFile();
  let info: Movie | undefined;
  let failure: string | undefined;
  file.onReady = (i: Movie) => {
    info = i;
  };
  file.onError = (_module: string, message: string) => {
    failure = message;
  };
  for (let off = 0; off < src.size && !info; off += chunkBytes) {
    const part = await src.read(off, Math.min(chunkBytes, src.size - off));
    // mp4box keeps the buffers it is given: hand it its own copy with the offset it starts at.
    const ab = part.slice().buffer as ArrayBuffer & { fileStart: number };
    ab.fileStart = off;
    file.appendBuffer(ab);
  }
  file.flush();
  if (!info) throw new Mp4Error(`mp4box could not read the movie${failure ? `: ${failure}` : ''}`);
  return movieInfo(info, boxes);
}

/** Probe an MP4 file on disk (read in chunks: memory stays flat for large videos). */
export async function probeMp4File(path: string, chunkBytes?: number): Promise<Mp4Info> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    return await probeMp4(
      {
        size,
        read: async (o, n) => {
          const b = Buffer.alloc(n);
          await fh.read(b, 0, n, o);
          return b;
        },
      },
      chunkBytes,
    );
  } finally {
    await fh.close();
  }
}

/**
 * MP4 structure checks with mp4box (GPAC's parser): is this a real MP4 (ftyp, moov, mdat), how
 * long does it play, which tracks does it have.
 */
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

/** Parse `bytes` as MP4; throws Mp4Error when a required box is missing or the duration is 0. */
export function probeMp4(bytes: Uint8Array): Mp4Info {
  const boxes = topLevelBoxes(bytes);
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
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer & {
    fileStart: number;
  };
  ab.fileStart = 0;
  file.appendBuffer(ab);
  file.flush();
  if (!info) throw new Mp4Error(`mp4box could not read the movie${failure ? `: ${failure}` : ''}`);
  return movieInfo(info, boxes);
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

/** The top-level box types, walking sizes (stops at the first box that does not fit). */
export function topLevelBoxes(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  let off = 0;
  while (off + 8 <= bytes.length) {
    let size = view.getUint32(off);
    const type = String.fromCharCode(bytes[off + 4]!, bytes[off + 5]!, bytes[off + 6]!, bytes[off + 7]!);
    if (size === 1 && off + 16 <= bytes.length) size = Number(view.getBigUint64(off + 8));
    else if (size === 0) size = bytes.length - off;
    if (size < 8 || off + size > bytes.length) break;
    out.push(type);
    off += size;
  }
  return out;
}

/** Probe an MP4 file on disk, feeding mp4box in chunks (memory stays flat for large videos). */
export async function probeMp4File(path: string, chunkBytes = 4 * 1024 * 1024): Promise<Mp4Info> {
  const { open } = await import('node:fs/promises');
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const boxes = await topLevelBoxesOfFile(fh, size);
    for (const need of ['ftyp', 'moov', 'mdat']) {
      if (!boxes.includes(need))
        throw new Mp4Error(`no ${need} box (top-level boxes: ${boxes.join(', ') || 'none'})`);
    }
    const file = createFile();
    let info: Movie | undefined;
    file.onReady = (i: Movie) => {
      info = i;
    };
    for (let off = 0; off < size && !info; off += chunkBytes) {
      const buf = Buffer.alloc(Math.min(chunkBytes, size - off));
      await fh.read(buf, 0, buf.length, off);
      const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer & {
        fileStart: number;
      };
      ab.fileStart = off;
      file.appendBuffer(ab);
    }
    file.flush();
    if (!info) throw new Mp4Error('mp4box could not read the movie');
    return movieInfo(info as Movie, boxes);
  } finally {
    await fh.close();
  }
}

async function topLevelBoxesOfFile(
  fh: import('node:fs/promises').FileHandle,
  size: number,
): Promise<string[]> {
  const out: string[] = [];
  const h = Buffer.alloc(16);
  let off = 0;
  while (off + 8 <= size) {
    await fh.read(h, 0, 16, off);
    let box = h.readUInt32BE(0);
    const type = h.toString('latin1', 4, 8);
    if (box === 1) box = Number(h.readBigUInt64BE(8));
    else if (box === 0) box = size - off;
    if (box < 8 || off + box > size) break;
    out.push(type);
    off += box;
  }
  return out;
}

/**
 * What the simulated app reads from a video it is given (a file picked in the gallery): its
 * duration and its tracks' codecs, read with mp4box (GPAC's parser) from the bytes in memory.
 */
import { createFile, type Movie } from 'mp4box';

/** Facts of a readable movie. */
export interface MovieFacts {
  /** How long it plays, in milliseconds (> 0). */
  durationMs: number;
  /** Codec of each track, e.g. `["avc1.42c01e"]`. */
  codecs: string[];
}

/** Read `bytes` as an MP4 movie; undefined when mp4box cannot, or the movie has no duration. */
export function readMovie(bytes: Uint8Array): MovieFacts | undefined {
  const file = createFile();
  let movie: Movie | undefined;
  file.onReady = (m: Movie) => {
    movie = m;
  };
  file.onError = () => {};
  const chunk = new Uint8Array(bytes).buffer as ArrayBuffer & { fileStart: number };
  chunk.fileStart = 0;
  try {
    file.appendBuffer(chunk);
    file.flush();
  } catch {
    return undefined;
  }
  if (!movie?.timescale) return undefined;
  const durationMs = Math.round((movie.duration / movie.timescale) * 1000);
  return durationMs > 0 ? { durationMs, codecs: movie.tracks.map((t) => t.codec) } : undefined;
}

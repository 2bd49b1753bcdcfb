/**
 * Reading a YAML file users wrote: it must exist, be a file, stay under the size limit, and be
 * UTF-8 (a Latin-1 "é" would otherwise turn into U+FFFD silently). Errors say which byte.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { DraftvaultError } from '../errors.js';

/** The default size limit of one flow, selector or config file (configurable). */
export const DEFAULT_MAX_YAML_BYTES = 1024 * 1024;

/** Line and column (1-based) of a byte offset in a buffer. */
function place(bytes: Buffer, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}

/** The offset of the first byte that is not valid UTF-8, or -1. */
export function firstBadUtf8(b: Buffer): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const n =
      c < 0x80
        ? 0
        : c >= 0xc2 && c <= 0xdf
          ? 1
          : c >= 0xe0 && c <= 0xef
            ? 2
            : c >= 0xf0 && c <= 0xf4
              ? 3
              : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    if (n === 2 && ((c === 0xe0 && b[i + 1]! < 0xa0) || (c === 0xed && b[i + 1]! >= 0xa0))) return i;
    if (n === 3 && ((c === 0xf0 && b[i + 1]! < 0x90) || (c === 0xf4 && b[i + 1]! >= 0x90))) return i;
    i += n + 1;
  }
  return -1;
}

/**
 * Read a YAML source file as text. Throws E_FLOW_NOT_FOUND when it is missing (or a folder),
 * E_BAD_FILE when it is too large or not UTF-8.
 */
export function readYamlSource(path: string, maxBytes = DEFAULT_MAX_YAML_BYTES, what = 'file'): string {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile())
      throw new DraftvaultError('E_FLOW_NOT_FOUND', `${what} ${path} is not a file`, {
        hint: st.isDirectory() ? 'name a .yaml file, not a folder' : 'name a regular .yaml file',
      });
    size = st.size;
  } catch (err) {
    if (err instanceof DraftvaultError) throw err;
    throw new DraftvaultError('E_FLOW_NOT_FOUND', `${what} ${path} does not exist`, {
      hint: 'check the path (relative paths start at the file that names it, or the current folder)',
      cause: err,
    });
  }
  if (size > maxBytes) {
    throw new DraftvaultError(
      'E_BAD_FILE',
      `${what} ${path} is ${size} bytes, over the limit of ${maxBytes}`,
      {
        span: { file: path, line: 1, col: 1 },
        hint: 'flows and selector files are small; raise limits.yamlFileBytes in config/draftvault.yaml if this one must be bigger',
      },
    );
  }
  const bytes = Buffer.alloc(size);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, bytes, 0, size, 0);
  } finally {
    closeSync(fd);
  }
  const bad = firstBadUtf8(bytes);
  if (bad >= 0) {
    const at = place(bytes, bad);
    throw new DraftvaultError(
      'E_BAD_FILE',
      `${what} ${path} is not UTF-8: byte ${bad} (0x${bytes[bad]!.toString(16)}) is not valid`,
      {
        span: { file: path, ...at },
        hint: 'save the file as UTF-8 (most editors: "Save with encoding")',
        details: { byteOffset: bad },
      },
    );
  }
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

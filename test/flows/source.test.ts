/** Reading user YAML: size limit, UTF-8 with the place of the first bad byte, unclosed constructs. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DraftvaultError } from '../../src/errors.js';
import { firstBadUtf8, readYamlSource } from '../../src/flows/source.js';
import { findUnclosed } from '../../src/flows/unclosed.js';

const dir = mkdtempSync(join(tmpdir(), 'dv-src-'));

function fails(f: () => unknown): DraftvaultError {
  try {
    f();
  } catch (e) {
    if (e instanceof DraftvaultError) return e;
    throw e;
  }
  throw new Error('expected a DraftvaultError');
}

describe('YAML sources', () => {
  it('refuse a file over the limit before reading it', () => {
    const p = join(dir, 'big.yaml');
    writeFileSync(p, `name: x\nsteps: []\n# ${'x'.repeat(5000)}\n`);
    const e = fails(() => readYamlSource(p, 4096));
    expect(e.code).toBe('E_BAD_FILE');
    expect(e.message).toMatch(/over the limit of 4096/);
    expect(e.hint).toMatch(/yamlFileBytes/);
  });

  it('refuse Latin-1 and name the first bad byte with its line and column', () => {
    const p = join(dir, 'latin1.yaml');
    writeFileSync(
      p,
      Buffer.concat([Buffer.from('name: x\nsteps:\n  - log: caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    const e = fails(() => readYamlSource(p));
    expect(e.code).toBe('E_BAD_FILE');
    expect(e.details?.byteOffset).toBe(27);
    expect(e.span).toMatchObject({ line: 3, col: 13 });
  });

  it('accept UTF-8 (and drop a byte-order mark)', () => {
    const p = join(dir, 'utf8.yaml');
    writeFileSync(p, '\uFEFFname: café – ok\n');
    expect(readYamlSource(p)).toBe('name: café – ok\n');
    expect(firstBadUtf8(Buffer.from([0xc3, 0x28]))).toBe(0);
    expect(firstBadUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstBadUtf8(Buffer.from('😀'))).toBe(-1);
  });

  it('name a missing file and a folder given as a file', () => {
    expect(fails(() => readYamlSource(join(dir, 'nope.yaml'))).code).toBe('E_FLOW_NOT_FOUND');
    expect(fails(() => readYamlSource(dir)).message).toMatch(/is not a file/);
  });
});

describe('unclosed constructs', () => {
  it('are found where they were opened, apostrophes in plain text aside', () => {
    expect(findUnclosed('a: { b: 1\nc: 2\n')).toEqual({ char: '{', line: 1, col: 4 });
    expect(findUnclosed('a: [1, 2\nc: 2\n')).toEqual({ char: '[', line: 1, col: 4 });
    expect(findUnclosed('a: "x\nb: 1\n')).toEqual({ char: '"', line: 1, col: 4 });
    expect(findUnclosed("- text: Don't allow\n- b: 'x\n")).toEqual({ char: "'", line: 2, col: 6 });
    expect(findUnclosed("a: 'it''s'\nb: \"q\\\"x\"\n# {\nc: |\n  { not yaml\n")).toBeUndefined();
  });
});

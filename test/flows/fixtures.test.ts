/**
 * Parser fixtures: each `test/fixtures/flows/NNN_name.yaml` says on its first line what must
 * happen: `# expect: ok` (and NNN_name.expected.json holds the exact steps), or
 * `# expect: CODE [file:]line:col` for an invalid one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DraftvaultError } from '../../src/errors.js';
import { loadProject } from '../../src/flows/project.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'flows');
const files = readdirSync(DIR)
  .filter((f) => /^\d{3}_.*\.yaml$/.test(f))
  .sort();

// Library wording that must never reach a user.
const LEAKS =
  /Invalid input|Invalid option|expected (string|number|boolean|object|array)|ZodError|Nested mappings|Implicit keys|YAMLParseError|Unexpected token/;

function expectation(file: string) {
  const first = readFileSync(join(DIR, file), 'utf8').split('\n')[0]!;
  const m = /^# expect: (ok|(E_[A-Z_]+) (?:(\S+):)?(\d+):(\d+))$/.exec(first);
  if (!m) throw new Error(`${file}: first line must be "# expect: ok" or "# expect: CODE [file:]line:col"`);
  return m[1] === 'ok'
    ? { ok: true as const }
    : { ok: false as const, code: m[2]!, file: m[3] ?? file, line: Number(m[4]), col: Number(m[5]) };
}

describe('flow parser fixtures', () => {
  it('has at least 30 invalid fixtures', () => {
    expect(files.filter((f) => !expectation(f).ok).length).toBeGreaterThanOrEqual(30);
  });

  for (const file of files) {
    const want = expectation(file);
    it(`${file}: ${want.ok ? 'parses to the expected steps' : `${want.code} at ${want.file}:${want.line}:${want.col}`}`, () => {
      const path = join(DIR, file);
      if (want.ok) {
        const project = loadProject(path);
        const expected = JSON.parse(
          readFileSync(path.replace(/\.yaml$/, '.expected.json'), 'utf8'),
        ) as unknown;
        // Step.path (an array: where the args sit in the YAML) and span.file depend on the checkout.
        const strip = (x: unknown): unknown =>
          JSON.parse(
            JSON.stringify(x, (k, v) => ((k === 'path' && Array.isArray(v)) || k === 'file' ? undefined : v)),
          );
        expect(strip(project.entry.steps)).toEqual(expected);
        return;
      }
      let err: unknown;
      try {
        loadProject(path);
      } catch (e) {
        err = e;
      }
      expect(err, 'it must fail').toBeInstanceOf(DraftvaultError);
      const e = err as DraftvaultError;
      expect({ code: e.code, line: e.span?.line, col: e.span?.col }).toEqual({
        code: want.code,
        line: want.line,
        col: want.col,
      });
      expect(
        relative(DIR, e.span!.file.startsWith('/') ? e.span!.file : join(process.cwd(), e.span!.file)),
      ).toBe(want.file);
      expect(e.exitCode).toBe(2);
      expect(e.message).not.toMatch(LEAKS);
      if (e.hint) expect(e.hint).not.toMatch(LEAKS);
    });
  }

  it('suggests the closest step and field names', () => {
    const hint = (f: string) => {
      try {
        loadProject(join(DIR, f));
      } catch (e) {
        return (e as DraftvaultError).hint;
      }
    };
    expect(hint('005_unknown_step.yaml')).toBe('did you mean "tap"?');
    expect(hint('008_unknown_field.yaml')).toBe('did you mean "timeout"?');
    expect(hint('014_unknown_selector.yaml')).toBe('did you mean "nav.profile"?');
    expect(hint('020_unknown_param.yaml')).toBe('did you mean "caption"?');
    expect(hint('022_unknown_variable.yaml')).toBe('did you mean "caption"?');
  });
});

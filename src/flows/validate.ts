/**
 * `flows validate`: check flow and selector files, reporting every file's error before any
 * device session starts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DraftvaultError, toDraftvaultError } from '../errors.js';
import { loadProject } from './project.js';
import { parseSelectorFile, type SelectorFile } from './selector-file.js';
import { parseYaml } from './yaml.js';

/** The result for one file. */
export interface FileCheck {
  file: string;
  kind: 'flow' | 'selectors' | 'unknown';
  error?: DraftvaultError;
  /** Allowed but discouraged constructs (xpath). */
  warnings: string[];
}

/** The error and any further ones found in the same file. */
export function allErrors(e: DraftvaultError): DraftvaultError[] {
  const others = (e.details?.others as DraftvaultError[] | undefined) ?? [];
  return [e, ...others];
}

/** YAML files under the given paths (files or folders), sorted. */
export function yamlFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) {
      for (const e of readdirSync(p).sort()) if (!e.startsWith('.')) walk(join(p, e));
    } else if (/\.ya?ml$/.test(p))
      out.push(relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p));
  };
  for (const p of paths) {
    try {
      walk(p);
    } catch (cause) {
      throw new DraftvaultError('E_USAGE', `cannot read ${p}`, {
        cause,
        hint: 'give flow files or folders that exist',
      });
    }
  }
  return out;
}

/** Check one file: a flow (with all it reaches) or a selector file. */
export function checkFile(file: string): FileCheck {
  let kind: FileCheck['kind'] = 'unknown';
  try {
    const y = parseYaml(readFileSync(file, 'utf8'), file);
    const root = y.js as Record<string, unknown> | null;
    if (root && typeof root === 'object' && 'steps' in root) {
      kind = 'flow';
      loadProject(file);
    } else if (root && typeof root === 'object' && ('selectors' in root || 'watchers' in root)) {
      kind = 'selectors';
      return { file, kind, warnings: xpathWarnings(parseSelectorFile(y)) };
    } else {
      throw new DraftvaultError(
        'E_FLOW_SHAPE',
        'neither a flow (it has no "steps") nor a selector file (no "selectors")',
        {
          span: { file, line: 1, col: 1 },
        },
      );
    }
    return { file, kind, warnings: [] };
  } catch (err) {
    return { file, kind, error: toDraftvaultError(err, 'E_FLOW_INVALID'), warnings: [] };
  }
}

/** XPath works but is slow on real phones (a full hierarchy dump per lookup) and brittle. */
function xpathWarnings(f: SelectorFile): string[] {
  const out: string[] = [];
  for (const s of f.selectors) {
    const alts = [
      s.def.android,
      s.def.ios,
      s.def.any,
      ...(s.def.overrides ?? []).flatMap((o) => [o.android, o.ios, o.any]),
    ].flat();
    if (alts.some((a) => a?.xpath)) {
      out.push(
        `${s.span.file}:${s.span.line}:${s.span.col}: selector "${s.name}" uses xpath: slow on real phones and brittle; prefer text/desc`,
      );
    }
  }
  return out;
}

/** Check every YAML file under `paths`. */
export function validatePaths(paths: string[]): FileCheck[] {
  return yamlFiles(paths).map(checkFile);
}

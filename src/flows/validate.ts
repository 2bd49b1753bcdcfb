/**
 * `flows validate`: check flow and selector files, reporting every file's error before any
 * device session starts.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DraftvaultError, toDraftvaultError } from '../errors.js';
import { type LoadOptions, loadProject } from './project.js';
import { loadScreenBook } from './screens.js';
import { checkSelectorFile, parseSelectorFile, type SelectorFile } from './selector-file.js';
import { DEFAULT_MAX_YAML_BYTES, readYamlSource } from './source.js';
import { parseYaml } from './yaml.js';

/** The result for one file. */
export interface FileCheck {
  file: string;
  kind: 'flow' | 'selectors' | 'screens' | 'unknown';
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
  const show = (p: string) => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p));
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) {
      for (const e of readdirSync(p).sort()) if (!e.startsWith('.')) walk(join(p, e));
    } else if (/\.ya?ml$/.test(p)) out.push(show(p));
  };
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (cause) {
      throw new DraftvaultError('E_USAGE', `${p} does not exist`, {
        cause,
        hint: 'give flow files or folders that exist',
      });
    }
    if (!isDir && !/\.ya?ml$/.test(p))
      throw new DraftvaultError('E_USAGE', `${p} is not a YAML file`, {
        hint: 'flow and selector files end in .yaml or .yml',
      });
    walk(p);
  }
  return out;
}

/** Check one file: a flow (with all it reaches) or a selector file (on its own). */
export function checkFile(file: string, opts: LoadOptions = {}): FileCheck {
  let kind: FileCheck['kind'] = 'unknown';
  try {
    const y = parseYaml(readYamlSource(file, opts.maxBytes ?? DEFAULT_MAX_YAML_BYTES), file);
    const root = y.js as Record<string, unknown> | null;
    if (root && typeof root === 'object' && 'steps' in root) {
      kind = 'flow';
      loadProject(file, opts);
    } else if (root && typeof root === 'object' && 'screens' in root) {
      kind = 'screens';
      loadScreenBook(file, opts.maxBytes);
    } else if (root && typeof root === 'object' && ('selectors' in root || 'watchers' in root)) {
      kind = 'selectors';
      const sf = parseSelectorFile(y);
      checkSelectorFile(sf);
      return { file, kind, warnings: xpathWarnings(sf) };
    } else {
      throw new DraftvaultError(
        'E_FLOW_SHAPE',
        'neither a flow (it has no "steps") nor a selector file (no "selectors")',
        {
          span: { file, line: 1, col: 1 },
          hint: 'a flow has "name" and "steps"; a selector file has "selectors" (and "watchers")',
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
export function validatePaths(paths: string[], opts: LoadOptions = {}): FileCheck[] {
  return yamlFiles(paths).map((f) => checkFile(f, opts));
}

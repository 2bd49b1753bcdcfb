/**
 * Load a flow with everything it reaches (sub-flows, selector files) and check what spans files:
 * selector names, runFlow targets (missing, cyclic), parameters and variables. Everything here
 * happens before any device session starts.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { type Pair, type Scalar, visit } from 'yaml';
import { parseExpr, parseTemplate, type Template, variablesOf } from '../core/expr.js';
import { checkDevicePath, confineHostPath } from '../core/paths.js';
import { DraftvaultError, isDraftvaultError } from '../errors.js';
import { type AnyStep, stepKind } from '../steps/index.js';
import type { SelectorRef, Step } from '../steps/types.js';
import { type Flow, fitsParam } from './flow.js';
import { parseFlow } from './parse.js';
import { loadScreenBook, type ScreenBook } from './screens.js';
import { parseSelectorFile, SelectorRegistry } from './selector-file.js';
import { DEFAULT_MAX_YAML_BYTES, readYamlSource } from './source.js';
import { didYouMean, errorAt, nodeAt, parseYaml, type YamlFile } from './yaml.js';

/** Variables the runner provides to every flow. */
export const BUILTIN_VARS = ['platform', 'appVersion', 'locale', 'device', 'env', 'run'];

/** A flow and all it reaches, checked. */
export interface Project {
  entry: Flow;
  flows: Map<string, Flow>;
  selectors: SelectorRegistry;
  /** The folder of the entry flow: host files a flow reads must be inside it. */
  root: string;
  /** The screens the entry flow names (`screens:`), for checkScreen steps. */
  screens?: ScreenBook;
}

/** Options of {@link loadProject}. */
export interface LoadOptions {
  /** Size limit of each YAML file (bytes). */
  maxBytes?: number;
  /** Device folders flows may use (default: the media folders). */
  deviceRoots?: readonly string[];
}

/** Load and check `file`. Throws the first problem as a DraftvaultError with its span. */
export function loadProject(file: string, opts: LoadOptions = {}): Project {
  const read = (p: string, what: string) => readYamlSource(p, opts.maxBytes ?? DEFAULT_MAX_YAML_BYTES, what);
  const root = dirname(resolve(file));
  const selectors = new SelectorRegistry();
  const loadedSelectorFiles = new Set<string>();
  const flows = new Map<string, Flow>();
  const yamls = new Map<string, YamlFile>();

  const loadFlowFile = (path: string, chain: string[]): Flow => {
    const abs = resolve(path);
    const cached = flows.get(abs);
    if (cached) return cached;
    const y = parseYaml(read(abs, 'flow file'), displayPath(abs));
    const flow = parseFlow(y);
    flows.set(abs, flow);
    yamls.set(abs, y);
    const selectorFiles = flow.selectorFiles.length
      ? [...flow.selectorFiles]
      : existsSync(resolve(dirname(abs), 'selectors.yaml'))
        ? ['selectors.yaml']
        : [];
    flow.selectorFiles.length = 0;
    for (const [i, rel] of selectorFiles.entries()) {
      const sf = resolve(dirname(abs), rel);
      flow.selectorFiles.push(sf);
      if (loadedSelectorFiles.has(sf)) continue;
      if (!isFile(sf))
        throw errorAt(
          y,
          nodeAt(y, ['selectors', i]),
          'E_FLOW_NOT_FOUND',
          `selector file ${rel} ${existsSync(sf) ? 'is not a file' : 'does not exist'}`,
          `looked for ${sf}`,
        );
      const sy = parseYaml(read(sf, 'selector file'), displayPath(sf));
      selectors.add(parseSelectorFile(sy));
      loadedSelectorFiles.add(sf);
    }
    walkSteps(flow.steps, (step) => {
      if (step.kind !== 'runFlow' || !step.args.flow) return;
      const target = resolve(dirname(abs), step.args.flow);
      const at = nodeAt(y, step.path);
      if (chain.includes(target) || target === abs) {
        const loop = [...chain, abs, target].map((f) => relative(process.cwd(), f)).join(' → ');
        throw errorAt(
          y,
          at,
          'E_CYCLIC_FLOW',
          `runFlow makes a loop: ${loop}`,
          'a flow cannot call itself, directly or through others',
        );
      }
      if (!isFile(target))
        throw errorAt(
          y,
          at,
          'E_FLOW_NOT_FOUND',
          `flow ${step.args.flow} ${existsSync(target) ? 'is not a file' : 'does not exist'}`,
          `looked for ${target}`,
        );
      const sub = loadFlowFile(target, [...chain, abs]);
      checkParams(y, step, sub);
    });
    return flow;
  };

  const entry = loadFlowFile(file, []);
  const screens = loadScreensOf(entry, yamls.get(resolve(file))!, opts.maxBytes);
  for (const [abs, flow] of flows) {
    const y = yamls.get(abs)!;
    checkFlow(y, flow, selectors, flows);
    checkPaths(y, flow, root, opts.deviceRoots);
  }
  selectors.check();
  checkScreenSteps(flows, yamls, screens);
  return { entry, flows, selectors, root, screens };
}

/** The entry flow's screens file, checked (its selectors exist, its names are unique). */
function loadScreensOf(entry: Flow, y: YamlFile, maxBytes?: number): ScreenBook | undefined {
  if (!entry.screensFile) return undefined;
  const p = resolve(dirname(resolve(entry.file)), entry.screensFile);
  if (!isFile(p))
    throw errorAt(
      y,
      nodeAt(y, ['screens']),
      'E_FLOW_NOT_FOUND',
      `screens file ${entry.screensFile} does not exist`,
      `looked for ${p}`,
    );
  return loadScreenBook(p, maxBytes);
}

/** Every checkScreen step names a screen of the entry flow's screens file. */
function checkScreenSteps(
  flows: Map<string, Flow>,
  yamls: Map<string, YamlFile>,
  book: ScreenBook | undefined,
): void {
  const names = book?.screens.screens.map((s) => s.name) ?? [];
  for (const [abs, flow] of flows) {
    walkSteps(flow.steps, (s) => {
      if (s.kind !== 'checkScreen') return;
      const name = s.args.screen;
      if (names.includes(name)) return;
      const y = yamls.get(abs)!;
      const sug = didYouMean(name, names);
      throw errorAt(
        y,
        findScalar(y, s.path, name) ?? nodeAt(y, s.path),
        'E_UNKNOWN_SELECTOR',
        book
          ? `no screen "${name}" in ${book.screens.file}`
          : 'checkScreen needs a screens file: add screens: screens.yaml to the flow',
        sug ? `did you mean "${sug}"?` : `screens: ${names.join(', ') || 'none'}`,
      );
    });
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * Literal paths in steps, checked now (templated ones are checked just before the step acts):
 * host reads inside the project's folder, host writes inside the run folder (relative, never
 * leaving it), phone paths inside the allowed folders.
 */
function checkPaths(y: YamlFile, flow: Flow, root: string, deviceRoots?: readonly string[]): void {
  const literal = (p: string) => !p.includes('${');
  const at = (s: AnyStep, value: string, err: unknown) => {
    if (!isDraftvaultError(err)) throw err;
    return errorAt(
      y,
      findScalar(y, s.path, value) ?? nodeAt(y, s.path),
      err.code,
      err.message,
      err.hint ?? '',
    );
  };
  walkSteps(flow.steps, (s) => {
    const paths = stepKind(s.kind)?.paths?.(s.args as never);
    if (!paths) return;
    for (const p of (paths.hostRead ?? []).filter(literal)) {
      try {
        confineHostPath(p, root, `${s.kind} reads`);
      } catch (e) {
        throw at(s, p, e);
      }
    }
    for (const p of (paths.hostWrite ?? []).filter(literal)) {
      try {
        // The run folder does not exist yet: any folder shows whether the path would leave it.
        confineHostPath(p, '/run-folder', `${s.kind} writes`);
      } catch (e) {
        const err = at(s, p, e);
        throw new DraftvaultError('E_PATH_OUTSIDE', `${s.kind} writes "${p}": outside the run folder`, {
          span: err.span,
          frame: err.frame,
          hint: 'write a path relative to the run folder, without ".." (e.g. "saved/video.mp4")',
        });
      }
    }
    for (const p of (paths.device ?? []).filter(literal)) {
      try {
        checkDevicePath(p, deviceRoots);
      } catch (e) {
        throw at(s, p, e);
      }
    }
  });
}

function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel.startsWith('..') ? abs : rel;
}

/** Visit every step, nested ones included. */
export function walkSteps(steps: readonly AnyStep[], fn: (s: AnyStep) => void): void {
  for (const s of steps) {
    fn(s);
    const kind = stepKind(s.kind);
    for (const key of kind?.nested ?? []) {
      const nested = (s.args as Record<string, unknown>)[key];
      if (Array.isArray(nested)) walkSteps(nested as AnyStep[], fn);
    }
  }
}

function checkParams(y: YamlFile, step: Extract<AnyStep, { kind: 'runFlow' }>, sub: Flow): void {
  const declared = Object.keys(sub.params);
  for (const [name, value] of Object.entries(step.args.params)) {
    const decl = sub.params[name];
    if (decl && !(typeof value === 'string' && value.includes('${')) && !fitsParam(decl, value)) {
      throw errorAt(
        y,
        nodeAt(y, [...step.path, 'params', name]),
        'E_BAD_VALUE',
        `parameter "${name}" of flow ${sub.name} is a ${decl.type}, not ${JSON.stringify(value)}`,
        `pass a ${decl.type}`,
      );
    }
    if (!declared.includes(name)) {
      const s = didYouMean(name, declared);
      throw errorAt(
        y,
        nodeAt(y, [...step.path, 'params', name], true),
        'E_UNKNOWN_PARAM',
        `flow ${sub.name} has no parameter "${name}"`,
        s ? `did you mean "${s}"?` : `its parameters: ${declared.join(', ') || 'none'}`,
      );
    }
  }
  for (const [name, decl] of Object.entries(sub.params)) {
    if (decl.default === undefined && !(name in step.args.params)) {
      throw errorAt(
        y,
        nodeAt(y, step.path),
        'E_MISSING_FIELD',
        `flow ${sub.name} needs parameter "${name}"`,
        `pass it: params: { ${name}: ... }`,
      );
    }
  }
}

function checkFlow(y: YamlFile, flow: Flow, selectors: SelectorRegistry, flows: Map<string, Flow>): void {
  const set = new Set<string>([...Object.keys(flow.params), ...BUILTIN_VARS]);
  walkSteps(flow.steps, (s) => {
    const outputsOf = (f: string) => flows.get(resolve(dirname(resolve(flow.file)), f))?.outputs ?? [];
    for (const v of stepKind(s.kind)?.sets?.(s.args as never, outputsOf) ?? []) set.add(v);
    const refs: SelectorRef[] = [
      ...(stepKind(s.kind)?.selectors?.(s.args as never) ?? []),
      ...conditionRefs(s),
    ];
    for (const ref of refs) checkRef(y, s, ref, selectors);
  });
  checkVariables(y, set);
  for (const [i, out] of flow.outputs.entries()) {
    if (!set.has(out))
      throw errorAt(
        y,
        nodeAt(y, ['outputs', i]),
        'E_UNKNOWN_PARAM',
        `output "${out}" is never set in this flow`,
        'set it with setVar or readText into',
      );
  }
}

function conditionRefs(s: Step): SelectorRef[] {
  return [s.when?.visible, s.when?.notVisible].filter((r): r is SelectorRef => r !== undefined);
}

function checkRef(y: YamlFile, s: Step, ref: SelectorRef, selectors: SelectorRegistry): void {
  const names = typeof ref === 'string' ? [ref] : ref.within ? [ref.within] : [];
  for (const name of names) {
    if (selectors.byName.has(name)) continue;
    const node = findScalar(y, s.path, name) ?? nodeAt(y, s.path);
    const sug = didYouMean(name, selectors.names());
    throw errorAt(
      y,
      node,
      'E_UNKNOWN_SELECTOR',
      `no selector named "${name}"`,
      sug ? `did you mean "${sug}"?` : 'define it in a selector file listed under "selectors:"',
    );
  }
}

function findScalar(y: YamlFile, path: PropertyKey[], value: string) {
  const root = nodeAt(y, path);
  let found: Scalar | undefined;
  if (root) {
    visit(root, {
      Scalar(_k, node) {
        if (node.value === value && !found) found = node;
      },
    });
  }
  return found;
}

/** Every `${...}` and `expr:` in the steps reads variables that exist. */
function checkVariables(y: YamlFile, known: Set<string>): void {
  const steps = nodeAt(y, ['steps']);
  if (!steps) return;
  visit(steps, {
    Pair(_k, pair: Pair) {
      const key = (pair.key as Scalar | null)?.value;
      const val = pair.value as Scalar | null;
      if (key === 'expr' && typeof val?.value === 'string')
        check(val, [{ kind: 'expr', e: parseExpr(val.value) }]);
    },
    Scalar(_k, node) {
      if (typeof node.value === 'string' && node.value.includes('${'))
        check(node, [{ kind: 'tpl', t: parseTemplate(node.value) }]);
    },
  });
  function check(
    node: Scalar,
    items: ({ kind: 'expr'; e: ReturnType<typeof parseExpr> } | { kind: 'tpl'; t: Template })[],
  ) {
    for (const it of items) {
      const exprs = it.kind === 'expr' ? [it.e] : it.t.filter((p) => typeof p !== 'string');
      for (const e of exprs) {
        for (const path of variablesOf(e as ReturnType<typeof parseExpr>)) {
          if (known.has(path[0]!)) continue;
          const s = didYouMean(path[0]!, [...known]);
          throw errorAt(
            y,
            node,
            'E_UNKNOWN_PARAM',
            `unknown variable "${path.join('.')}"`,
            s ? `did you mean "${s}"?` : 'declare it under params:, or set it with setVar / readText into',
          );
        }
      }
    }
  }
}

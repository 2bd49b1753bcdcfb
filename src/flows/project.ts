/**
 * Load a flow with everything it reaches (sub-flows, selector files) and check what spans files:
 * selector names, runFlow targets (missing, cyclic), parameters and variables. Everything here
 * happens before any device session starts.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Flow } from './flow.js';
import { checkFlow, checkParams } from './flow-checks.js';
import { parseFlow } from './parse.js';
import { loadScreenBook, type ScreenBook } from './screens.js';
import { parseSelectorFile, SelectorRegistry } from './selector-file.js';
import { DEFAULT_MAX_YAML_BYTES, readYamlSource } from './source.js';
import { checkPaths, checkScreenSteps } from './step-checks.js';
import { walkSteps } from './walk.js';
import { errorAt, nodeAt, parseYaml, type YamlFile } from './yaml.js';

export { BUILTIN_VARS } from './flow-checks.js';
export { walkSteps } from './walk.js';

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

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel.startsWith('..') ? abs : rel;
}

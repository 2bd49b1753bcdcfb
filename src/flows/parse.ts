/**
 * YAML → typed flow. Each step keeps its YAML position; every problem becomes a DraftvaultError
 * at file:line:col. This file checks one file's shape; project.ts checks what spans files
 * (selector names, sub-flows, parameters, variables).
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import { DraftvaultError } from '../errors.js';
import { commonFieldsSchema } from '../steps/common.js';
import { type AnyStep, STEPS, stepKind } from '../steps/index.js';
import type { RetryPolicy, Step } from '../steps/types.js';
import { type Flow, flowHeaderSchema, type ParamDecl } from './flow.js';
import { didYouMean, errorAt, issueToError, nodeAt, spanOf, valueAt, type YamlFile } from './yaml.js';

const COMMON_KEYS = Object.keys(commonFieldsSchema.shape);

function retryPolicy(r: z.infer<typeof commonFieldsSchema>['retry']): RetryPolicy | undefined {
  if (r === undefined) return undefined;
  return typeof r === 'number'
    ? { attempts: r, minTimeoutMs: 500, factor: 2 }
    : { attempts: r.attempts, minTimeoutMs: r.minTimeout, factor: r.factor };
}

/** Parse the step list at `path`. */
export function parseSteps(y: YamlFile, path: PropertyKey[], errors?: DraftvaultError[]): AnyStep[] {
  const seq = nodeAt(y, path);
  if (!isSeq(seq))
    throw errorAt(
      y,
      seq,
      'E_FLOW_SHAPE',
      '"steps" must be a list',
      'write each step as a list item: "- tap: nav.profile"',
    );
  const steps: AnyStep[] = [];
  for (const [i, item] of seq.items.entries()) {
    try {
      steps.push(parseStep(y, [...path, i], item as Node, errors));
    } catch (err) {
      // Collecting: keep going so one run of `flows validate` shows every bad step.
      if (!errors || !(err instanceof DraftvaultError)) throw err;
      errors.push(err);
    }
  }
  return steps;
}

function parseStep(y: YamlFile, path: PropertyKey[], item: Node, errors?: DraftvaultError[]): AnyStep {
  let name: string;
  let rawNode: unknown;
  if (isScalar(item) && typeof item.value === 'string') {
    name = item.value;
    rawNode = null;
  } else if (isMap(item) && item.items.length === 1 && isScalar(item.items[0]!.key)) {
    name = String(item.items[0]!.key.value);
    rawNode = item.items[0]!.value;
  } else {
    const hint =
      isMap(item) && item.items.length > 1
        ? "one step per list item; put label, timeout, when... inside the step's map"
        : 'a step is a name ("- back") or a name with arguments ("- tap: nav.profile")';
    throw errorAt(y, item, 'E_FLOW_SHAPE', 'this list item is not a step', hint);
  }
  const kind = stepKind(name);
  const keyNode = isMap(item) ? (item.items[0]!.key as Node) : item;
  if (!kind) {
    const s = didYouMean(name, Object.keys(STEPS));
    throw errorAt(
      y,
      keyNode,
      'E_UNKNOWN_STEP',
      `unknown step "${name}"`,
      s ? `did you mean "${s}"?` : `steps are: ${Object.keys(STEPS).join(', ')}`,
    );
  }
  const argPath = isMap(item) ? [...path, name] : path;
  const raw = rawNode === null || rawNode === undefined ? null : (valueAt(y, argPath) ?? null);
  let input: Record<string, unknown>;
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) input = raw as Record<string, unknown>;
  else if (Array.isArray(raw))
    throw errorAt(
      y,
      rawNode as Node,
      'E_FLOW_SHAPE',
      `"${name}" takes a map of arguments, not a list`,
      `write ${name}: { field: value, ... }`,
    );
  else if (kind.shorthand)
    input = kind.shorthand(raw as string | number | boolean | null) as Record<string, unknown>;
  else if (raw === null) input = {};
  else
    throw errorAt(
      y,
      rawNode as Node,
      'E_BAD_VALUE',
      `"${name}" takes a map of arguments`,
      `e.g. ${name}: { ... }`,
    );

  const common: Record<string, unknown> = {};
  const own: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) (COMMON_KEYS.includes(k) ? common : own)[k] = v;
  const allowed = [...Object.keys(kind.args.shape), ...COMMON_KEYS];
  const c = commonFieldsSchema.safeParse(common);
  if (!c.success) throw issueToError(y, argPath, c.error.issues[0]!, () => allowed);
  const a = kind.args.safeParse(own);
  if (!a.success) throw issueToError(y, argPath, a.error.issues[0]!, () => allowed);
  const args = a.data as Record<string, unknown>;
  for (const key of kind.nested ?? []) {
    if (args[key] !== undefined) args[key] = parseSteps(y, [...argPath, key], errors);
  }
  const step: Step = {
    kind: name,
    args,
    label: c.data.label,
    timeoutMs: c.data.timeout,
    optional: c.data.optional,
    when: c.data.when as Step['when'],
    retry: retryPolicy(c.data.retry),
    span: spanOf(y, keyNode),
    path: argPath,
  };
  return step as AnyStep;
}

/** Parse a whole flow file (already YAML-parsed). */
export function parseFlow(y: YamlFile): Flow {
  const root = y.doc.contents;
  if (!isMap(root))
    throw errorAt(
      y,
      root ?? undefined,
      'E_FLOW_SHAPE',
      'a flow file is a map with name, steps and other fields',
      'start with "name: my-flow" then "steps:"',
    );
  const steps = nodeAt(y, ['steps']);
  if (steps && steps !== root && !isSeq(steps)) {
    throw errorAt(
      y,
      steps,
      'E_FLOW_SHAPE',
      '"steps" must be a list',
      'write each step as a list item: "- tap: nav.profile"',
    );
  }
  const header = flowHeaderSchema.safeParse(y.js);
  if (!header.success)
    throw issueToError(y, [], header.error.issues[0]!, (p) =>
      p.length === 0 ? Object.keys(flowHeaderSchema.shape) : [],
    );
  const h = header.data;
  const params: Record<string, ParamDecl> = {};
  for (const [k, v] of Object.entries(h.params)) {
    const decl: ParamDecl = typeof v === 'object' ? { ...v } : { default: v };
    decl.type ??= decl.default === undefined ? undefined : (typeof decl.default as ParamDecl['type']);
    params[k] = decl;
  }
  const errors: DraftvaultError[] = [];
  const parsedSteps = parseSteps(y, ['steps'], errors);
  if (errors.length > 0) {
    const [first, ...others] = errors;
    throw new DraftvaultError(first!.code, first!.message, {
      span: first!.span,
      frame: first!.frame,
      hint: first!.hint,
      details: { others },
    });
  }
  return {
    file: y.file,
    name: h.name,
    description: h.description,
    appId: h.appId,
    platforms: h.platforms,
    appVersion: h.appVersion,
    params,
    outputs: h.outputs,
    selectorFiles: h.selectors,
    screensFile: h.screens,
    timeoutMs: h.timeout,
    steps: parsedSteps,
    span: spanOf(y, root),
  };
}

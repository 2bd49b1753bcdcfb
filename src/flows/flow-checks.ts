/**
 * Checks of a loaded flow that span files: selector names (in steps and conditions), runFlow
 * parameters against the called flow's declarations, and every `${...}` and `expr:` reading a
 * variable that exists (parameters, built-ins, what earlier steps set). Before any session.
 */
import { dirname, resolve } from 'node:path';
import { type Pair, type Scalar, visit } from 'yaml';
import { parseExpr, parseTemplate, type Template, variablesOf } from '../core/expr.js';
import { type AnyStep, stepKind } from '../steps/index.js';
import type { SelectorRef, Step } from '../steps/types.js';
import { type Flow, fitsParam } from './flow.js';
import type { SelectorRegistry } from './selector-file.js';
import { findScalar, walkSteps } from './walk.js';
import { didYouMean, errorAt, nodeAt, type YamlFile } from './yaml.js';

/** Variables the runner provides to every flow. */
export const BUILTIN_VARS = ['platform', 'appVersion', 'locale', 'device', 'env', 'run'];

/** A runFlow step's parameters fit the called flow: declared, of its types, required ones given. */
export function checkParams(y: YamlFile, step: Extract<AnyStep, { kind: 'runFlow' }>, sub: Flow): void {
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

/** The flow's selector names exist, and its variables and outputs are set before use. */
export function checkFlow(
  y: YamlFile,
  flow: Flow,
  selectors: SelectorRegistry,
  flows: Map<string, Flow>,
): void {
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

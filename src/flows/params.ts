/**
 * Parameters given on the command line (`run --param name=value`), bound to a flow's declared
 * parameters: names checked, values typed (declared, or the type of the default), required ones
 * required. Everything here happens before any session starts.
 */

import type { Value } from '../core/expr.js';
import { DraftvaultError } from '../errors.js';
import type { Flow } from './flow.js';
import { didYouMean } from './yaml.js';

function typed(name: string, raw: string, type: 'string' | 'number' | 'boolean' | undefined): Value {
  const num = /^-?\d+(\.\d+)?$/.test(raw);
  const bool = raw === 'true' || raw === 'false';
  if (type === 'string') return raw;
  if (type === 'number') {
    if (!num)
      throw new DraftvaultError('E_BAD_VALUE', `--param ${name}=${raw}: ${name} is a number`, {
        hint: `e.g. --param ${name}=3`,
      });
    return Number(raw);
  }
  if (type === 'boolean') {
    if (!bool)
      throw new DraftvaultError('E_BAD_VALUE', `--param ${name}=${raw}: ${name} is true or false`, {
        hint: `e.g. --param ${name}=true`,
      });
    return raw === 'true';
  }
  return num ? Number(raw) : bool ? raw === 'true' : raw;
}

/** Bind `name=value` pairs to the flow's parameters. */
export function bindParams(flow: Flow, pairs: readonly string[]): Record<string, Value> {
  const declared = Object.keys(flow.params);
  const out: Record<string, Value> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0)
      throw new DraftvaultError('E_USAGE', `--param "${p}" is not name=value`, {
        hint: 'e.g. --param index=0',
      });
    const name = p.slice(0, i);
    const decl = flow.params[name];
    if (!decl) {
      const s = didYouMean(name, declared);
      throw new DraftvaultError('E_UNKNOWN_PARAM', `flow ${flow.name} has no parameter "${name}"`, {
        hint: s ? `did you mean "${s}"?` : `its parameters: ${declared.join(', ') || 'none'}`,
      });
    }
    out[name] = typed(name, p.slice(i + 1), decl.type);
  }
  for (const [name, decl] of Object.entries(flow.params)) {
    if (decl.default === undefined && !(name in out)) {
      throw new DraftvaultError('E_MISSING_FIELD', `flow ${flow.name} needs parameter "${name}"`, {
        span: flow.span,
        hint: `pass it: --param ${name}=...${decl.description ? ` (${decl.description})` : ''}`,
      });
    }
  }
  return out;
}

/**
 * Walking a flow's steps (nested ones included) and finding the YAML node of a value in a step,
 * for the checks that place their errors there.
 */
import { type Scalar, visit } from 'yaml';
import { type AnyStep, stepKind } from '../steps/index.js';
import { nodeAt, type YamlFile } from './yaml.js';

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

/** The scalar node holding `value` under the node at `path` (the first one), if any. */
export function findScalar(y: YamlFile, path: PropertyKey[], value: string) {
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

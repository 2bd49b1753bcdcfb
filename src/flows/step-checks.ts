/**
 * Checks of step arguments against the world, before any session: literal host paths confined
 * (reads inside the project's folder, writes inside the run folder), phone paths inside the
 * allowed folders, and checkScreen naming a screen of the screens file.
 */

import { checkDevicePath, confineHostPath } from '../core/paths.js';
import { DraftvaultError, isDraftvaultError } from '../errors.js';
import { type AnyStep, stepKind } from '../steps/index.js';
import type { Flow } from './flow.js';
import type { ScreenBook } from './screens.js';
import { findScalar, walkSteps } from './walk.js';
import { didYouMean, errorAt, nodeAt, type YamlFile } from './yaml.js';

/**
 * Literal paths in steps, checked now (templated ones are checked just before the step acts):
 * host reads inside the project's folder, host writes inside the run folder (relative, never
 * leaving it), phone paths inside the allowed folders.
 */
export function checkPaths(y: YamlFile, flow: Flow, root: string, deviceRoots?: readonly string[]): void {
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

/** Every checkScreen step names a screen of the entry flow's screens file. */
export function checkScreenSteps(
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

/**
 * The screens of the app as the flows see them (`screens.yaml` beside the flows): how to tell
 * each screen (selectors that must all be there) and which named selectors the flows need on it.
 * `flows check` and `check-ui` use it to test every needed selector where it is needed.
 */

import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { DraftvaultError, type Span } from '../errors.js';
import { parseSelectorFile, SelectorRegistry } from './selector-file.js';
import { readYamlSource } from './source.js';
import { didYouMean, errorAt, issueToError, nodeAt, parseYaml, spanOf } from './yaml.js';

const name = z.string().regex(/^[a-zA-Z][\w]*(\.[a-zA-Z][\w]*)*$/, 'a selector name');

/** One screen. */
export const screenSchema = z
  .object({
    description: z.string().min(1),
    detect: z.array(name).default([]).describe('selectors that are all on this screen (and identify it)'),
    absent: z.array(name).default([]).describe('selectors that are not on this screen'),
    noAppWindow: z
      .boolean()
      .default(false)
      .describe('the screen while no app window is shown (the app is starting)'),
    needs: z
      .array(name)
      .default([])
      .describe('selectors the flows need on this screen: each must find exactly one node'),
    maybe: z
      .array(name)
      .default([])
      .describe('selectors that may be absent here (an empty grid): when present, exactly one node'),
    popup: z.boolean().default(false).describe('a pop-up: watchers may match here (and only here)'),
  })
  .strict()
  .refine((s) => s.detect.length > 0 || s.noAppWindow, {
    message: 'a screen needs detect (or noAppWindow: true)',
  });

/** The screens file. */
export const screensFileSchema = z
  .object({
    selectors: z
      .array(z.string().min(1))
      .default(['selectors.yaml'])
      .describe('selector files, relative to this file'),
    screens: z.record(z.string().regex(/^[a-z][\w-]*$/, 'a screen name'), screenSchema),
  })
  .strict();

/** A screen with its place. */
export type Screen = z.infer<typeof screenSchema> & { name: string; span: Span };

/** The parsed screens file. */
export interface ScreensFile {
  file: string;
  selectorFiles: string[];
  screens: Screen[];
}

/** Load a screens file (errors at file:line:col, exit 2). */
export function loadScreens(file: string, maxBytes?: number): ScreensFile {
  const y = parseYaml(readYamlSource(file, maxBytes, 'screens file'), file);
  if (!y.js || typeof y.js !== 'object' || Array.isArray(y.js))
    throw errorAt(
      y,
      y.doc.contents ?? undefined,
      'E_FLOW_SHAPE',
      'a screens file is a map with "screens"',
      'start with "screens:"',
    );
  const res = screensFileSchema.safeParse(y.js);
  if (!res.success)
    throw issueToError(y, [], res.error.issues[0]!, (p) =>
      p.length === 0
        ? ['selectors', 'screens']
        : ['description', 'detect', 'absent', 'noAppWindow', 'needs', 'maybe', 'popup'],
    );
  return {
    file,
    selectorFiles: res.data.selectors,
    screens: Object.entries(res.data.screens).map(([n, s]) => ({
      ...s,
      name: n,
      span: spanOf(y, nodeAt(y, ['screens', n], true)),
    })),
  };
}

/** The screens file and the selectors it names, checked. */
export interface ScreenBook {
  screens: ScreensFile;
  selectors: SelectorRegistry;
}

/** Load `screens.yaml` and its selector files; every name it uses must exist (exit 2 otherwise). */
export function loadScreenBook(file: string, maxBytes?: number): ScreenBook {
  const screens = loadScreens(file, maxBytes);
  const selectors = new SelectorRegistry();
  for (const rel of screens.selectorFiles) {
    const p = resolve(dirname(file), rel);
    selectors.add(parseSelectorFile(parseYaml(readYamlSource(p, maxBytes, 'selector file'), p)));
  }
  selectors.check();
  for (const s of screens.screens) {
    for (const n of [...s.detect, ...s.absent, ...s.needs, ...s.maybe]) {
      if (selectors.byName.has(n)) continue;
      const sug = didYouMean(n, selectors.names());
      throw new DraftvaultError('E_UNKNOWN_SELECTOR', `screen "${s.name}" names unknown selector "${n}"`, {
        span: s.span,
        hint: sug ? `did you mean "${sug}"?` : 'name a selector defined in the selector files',
      });
    }
  }
  return { screens, selectors };
}

/**
 * One capture of the phone's screen for `inspect`: the screenshot and the page source, saved in
 * the run folder, and the analysis of its elements.
 */
import { join } from 'node:path';
import type { DeviceFacts } from '../../core/selectors.js';
import { parseHierarchy } from '../../drivers/android/hierarchy.js';
import { DraftvaultError } from '../../errors.js';
import type { SelectorRegistry } from '../../flows/selector-file.js';
import type { DeviceSession } from '../device-session.js';
import { writePrivate } from '../sinks.js';
import { analyzeScreen, type InspectElement } from './analyze.js';

/** What one capture holds. */
export interface Capture {
  n: number;
  screenshotFile: string;
  pageSourceFile: string;
  /** The screenshot as base64 PNG (for the web page). */
  png: string;
  width: number;
  height: number;
  elements: InspectElement[];
}

/** Capture the screen now (files `screen-<n>.png` / `.xml` in `dir`). */
export async function captureScreen(
  d: DeviceSession,
  dir: string,
  n: number,
  selectors: SelectorRegistry,
  facts: DeviceFacts,
): Promise<Capture> {
  if (d.facts.platform !== 'android')
    throw new DraftvaultError('E_USAGE', 'inspect reads Android hierarchies only for now', {
      hint: 'use Appium Inspector with `draftvault appium` for an iPhone',
    });
  const png = await d.session.takeScreenshot();
  const source = await d.session.getPageSource();
  const screenshotFile = join(dir, `screen-${n}.png`);
  const pageSourceFile = join(dir, `screen-${n}.xml`);
  await writePrivate(screenshotFile, Buffer.from(png, 'base64'));
  await writePrivate(pageSourceFile, source);
  const tree = parseHierarchy(source, pageSourceFile);
  return {
    n,
    screenshotFile,
    pageSourceFile,
    png,
    width: tree.width,
    height: tree.height,
    elements: analyzeScreen(tree, selectors, facts),
  };
}

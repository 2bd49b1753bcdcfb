/**
 * Structural: no module of src/ sends an activating WebdriverIO/Appium call (click, W3C or touch
 * actions, keys, `mobile:` gestures, the raw action endpoints) except the gate's device facade
 * (src/runner/device.ts), which checks each with the action gate first. The simulated phone
 * (src/drivers/sim/) is the phone itself, receiving these commands, and is not scanned. The
 * scanner is shown to find every kind of raw call in a fixture, and none of the look-alikes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/proc.js';
import { rawActions } from '../helpers/raw-actions.js';

const SRC = join(ROOT, 'src');
const FIX = join(ROOT, 'test', 'fixtures', 'raw-actions');
/** The gate module(s): the only place that may send activating commands. */
const GATED = ['src/runner/device.ts'];
const NOT_SCANNED = /^src\/drivers\/sim\//;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .filter((f) => !NOT_SCANNED.test(f))
    .sort();
}

const scan = (file: string) => rawActions(file, readFileSync(join(ROOT, file), 'utf8'));

describe('raw activating calls go only through the gate', () => {
  it('the scanner finds every raw call of the fixture, on its line', () => {
    const text = readFileSync(join(FIX, 'bad.txt'), 'utf8');
    const marked = text.split('\n').flatMap((l, i) => (l.trimEnd().endsWith('// raw') ? [i + 1] : []));
    expect(marked.length).toBeGreaterThan(15);
    expect([...new Set(rawActions('bad.txt', text).map((f) => f.line))]).toEqual(marked);
  });

  it('the scanner lets the gated facade, commander and plain JavaScript through', () => {
    expect(rawActions('good.txt', readFileSync(join(FIX, 'good.txt'), 'utf8'))).toEqual([]);
  });

  it('no module of src/ outside the gate sends one', () => {
    const files = tsFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const found = files.filter((f) => !GATED.includes(f)).flatMap(scan);
    expect(found.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });

  it('the gate module is scanned too, and is where the real sends are', () => {
    const sends = GATED.flatMap(scan).map((f) => f.text.split(':')[0]);
    expect(sends).toEqual(expect.arrayContaining(['elementClick', 'performActions', 'elementSendKeys']));
  });
});

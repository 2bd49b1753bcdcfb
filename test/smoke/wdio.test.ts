/**
 * `npm run test:device` on the simulated phone, once, as a child process: the WebdriverIO
 * testrunner (wdio.conf.ts) starts the project's Appium through @wdio/appium-service, runs the
 * smoke specs, and its JUnit report has every screen of the check-ui walk passing.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('dv-wdio-');

describe('npm run test:device (the WebdriverIO testrunner)', { timeout: 240_000 }, () => {
  it('passes on the simulated phone: one test per screen of the check-ui walk', () => {
    const home = tmp();
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', '@wdio', 'cli', 'bin', 'wdio.js'), 'run', 'wdio.conf.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, DRAFTVAULT_HOME: home, DEVICE: '', UDID: '', WDIO_OUT: home },
        encoding: 'utf8',
        timeout: 220_000,
      },
    );
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const xml = readdirSync(join(home, 'wdio')).filter((f) => f.endsWith('.xml'));
    expect(xml).toHaveLength(1);
    const doc = new DOMParser().parseFromString(
      readFileSync(join(home, 'wdio', xml[0]!), 'utf8'),
      'text/xml',
    );
    const cases = Array.from(doc.getElementsByTagName('testcase')).map((c) => c.getAttribute('name') ?? '');
    for (const screen of [
      'feed',
      'profile',
      'drafts',
      'editor',
      'post',
      'privacy',
      'more-options',
      'camera',
      'picker',
    ])
      expect(
        // The JUnit reporter drops punctuation from test names ("more-options: every" → "more options every").
        cases.some((c) => c.startsWith(`${screen.replace('-', ' ')} every selector`)),
        `${screen} in ${cases.join(', ')}`,
      ).toBe(true);
    expect(doc.getElementsByTagName('failure').length).toBe(0);
  });
});

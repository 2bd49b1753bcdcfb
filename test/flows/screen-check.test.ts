/**
 * `flows check --hierarchy`: the shipped selectors on every real dump in ../shared/tiktok-dumps
 * (read from there, never copied), under UiAutomator2's rules: each needed selector finds exactly
 * one node under both regex flavours, and no watcher matches a screen that is not a pop-up.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHierarchy } from '../../src/flows/screen-check.js';
import { loadScreenBook } from '../../src/flows/screens.js';
import { ROOT, runCli } from '../helpers/proc.js';

const DUMPS = join(ROOT, '..', 'shared', 'tiktok-dumps');
const book = loadScreenBook(join(ROOT, 'flows', 'tiktok', 'screens.yaml'));

/** What each dump shows: the screen, and the app version and locale its name gives (SOURCES.md). */
const DUMP_FACTS: Record<string, { screen: string; appVersion: string; locale: string }> = {
  'tt4314_fr_collections_popup.xml': { screen: 'collections', appVersion: '43.1.4', locale: 'fr' },
  'tt4314_fr_launch_black.xml': { screen: 'launching', appVersion: '43.1.4', locale: 'fr' },
  'tt4314_fr_launch_starting_window.xml': { screen: 'launching', appVersion: '43.1.4', locale: 'fr' },
  'tt4314_fr_publish_posted.xml': { screen: 'profile', appVersion: '43.1.4', locale: 'fr' },
  'tt4314_fr_update_prompt.xml': { screen: 'opaque-popup', appVersion: '43.1.4', locale: 'fr' },
  'tt4314_publish_post_screen.xml': { screen: 'post', appVersion: '43.1.4', locale: 'en' },
  'tt4663_en_publish_uploading.xml': { screen: 'feed', appVersion: '46.6.3', locale: 'en' },
  'tt4703_fr_publish_post_screen.xml': { screen: 'post', appVersion: '47.0.3', locale: 'fr' },
};

describe.skipIf(!existsSync(DUMPS))('the shipped selectors on the real dumps', () => {
  it('covers every dump in ../shared/tiktok-dumps', () => {
    expect(
      readdirSync(DUMPS)
        .filter((f) => f.endsWith('.xml'))
        .sort(),
    ).toEqual(Object.keys(DUMP_FACTS).sort());
  });

  for (const [file, f] of Object.entries(DUMP_FACTS)) {
    it(`${file}: detected as "${f.screen}", every needed selector finds exactly one node`, () => {
      const r = checkHierarchy(join(DUMPS, file), book, {
        platform: 'android',
        appVersion: f.appVersion,
        locale: f.locale,
      });
      expect(r.screen).toBe(f.screen);
      expect(r.checks.filter((c) => !c.ok)).toEqual([]);
      expect(r.ok).toBe(true);
    });
  }
});

if (!existsSync(DUMPS))
  console.warn(`check-hierarchy.test: ${DUMPS} is missing; the real-dump checks are skipped`);

describe('flows check on a screen that breaks the rules', () => {
  const bad = join(ROOT, 'test', 'fixtures', 'hierarchies', 'two-post-buttons.xml');

  it('reports a selector that finds two nodes and a watcher that matches a non-pop-up screen', () => {
    const r = checkHierarchy(bad, book, { platform: 'android', appVersion: '43.1.4', locale: 'en' });
    expect(r.screen).toBe('post');
    const failed = Object.fromEntries(
      r.checks.filter((c) => !c.ok).map((c) => [`${c.role} ${c.name}`, c.problem]),
    );
    expect(failed['watcher popup.notNow']).toMatch(/matches a screen that is not a pop-up/);
    expect(r.ok).toBe(false);
  });

  it('the command exits 1 and prints what failed; told the screen, it uses it', async () => {
    const res = await runCli(['flows', 'check', '--hierarchy', bad, '--screen', 'post']);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/FAIL .*two-post-buttons\.xml: screen post \(told\)/);
    expect(res.stdout).toMatch(/FAIL watcher popup\.notNow/);
    expect(res.stderr).toContain('[E_JOB_INCOMPLETE]');
  });
});

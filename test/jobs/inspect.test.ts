/**
 * `draftvault inspect` on the simulated phone: the terminal table, and the local page in a real
 * headless browser (click an element, read the suggested selector, refresh, screenshot).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { ROOT, runCli, startCli } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();
const ARTIFACTS = join(ROOT, 'test-artifacts');

/** A simulated phone left on the post screen of its newest draft. */
async function atPost(home: string, device: string) {
  const env = { DRAFTVAULT_HOME: home };
  await runCli(['sim', 'reset', '--device', device, '--drafts', '2'], env);
  const flow = join(ROOT, 'test', 'fixtures', 'run', 'to-post.yaml');
  const r = await runCli(['run', flow, '--device', `sim:${device}`], env);
  expect(r.code, r.stderr).toBe(0);
  return env;
}

describe('inspect', { timeout: 120_000 }, () => {
  it('lists the elements of the post screen with a selector each and the named selectors that find them', async () => {
    const env = await atPost(tmp(), 'insp');
    const r = await runCli(['inspect', '--device', 'sim:insp'], env);
    expect(r.code, r.stderr).toBe(0);
    const row = (re: RegExp) => r.stdout.split('\n').find((l) => re.test(l)) ?? '';
    expect(row(/"Post"/)).toMatch(/\{ text: "Post" \}.*post\.post/);
    expect(row(/Only you can view this post/)).toMatch(/post\.privacyRow/);
    expect(r.stdout).toMatch(/\(version-specific\)|\{ text: /);
    expect(r.stdout).toMatch(/screenshot .*screen-1\.png, page source .*screen-1\.xml/);
  });
});

describe('inspect: which suggested selectors are version-specific', { timeout: 120_000 }, () => {
  it('marks an obfuscated id version-specific and a readable id not', async () => {
    const env = { DRAFTVAULT_HOME: tmp() };
    await runCli(['sim', 'reset', '--device', 'ids', '--drafts', '1', '--posts', '2'], env);
    const flow = join(ROOT, 'test', 'fixtures', 'run', 'to-profile.yaml');
    expect((await runCli(['run', flow, '--device', 'sim:ids'], env)).code).toBe(0);
    const r = await runCli(['inspect', '--device', 'sim:ids'], env);
    expect(r.code, r.stderr).toBe(0);
    const row = (re: RegExp) => r.stdout.split('\n').find((l) => re.test(l)) ?? '';
    // The "Drafts: N" tile has no text or desc of its own: only its 43.1.4 id, y09, finds it.
    expect(row(/\{ id: "y09" \}/)).toMatch(/^ *\d+ {2}FrameLayout +\{ id: "y09" \} \(version-specific\)/);
    // "cover" is a readable id (the same on 43.1.4 and 46.6.3): suggested, and not marked.
    const cover = row(/\{ id: "cover", index: 0 \}/);
    expect(cover).toMatch(/ImageView +\{ id: "cover", index: 0 \} +profile\.firstTile/);
    expect(cover).not.toContain('version-specific');
    const json = JSON.parse((await runCli(['inspect', '--device', 'sim:ids', '--json'], env)).stdout) as {
      elements: { id: string; suggested?: { versionSpecific: boolean } }[];
    };
    const byId = (id: string) => json.elements.find((e) => e.id.endsWith(`:id/${id}`))?.suggested;
    expect(byId('y09')?.versionSpecific).toBe(true);
    expect(byId('cover')?.versionSpecific).toBe(false);
  });
});

describe.skipIf(!hasBrowser)('inspect --web in a real browser', { timeout: 120_000 }, () => {
  let stop: (() => void) | undefined;
  afterAll(() => stop?.());

  it('shows the screen; a click gives the element and its selector as YAML; Refresh captures again', async () => {
    const home = tmp();
    const env = await atPost(home, 'web');
    const { child, match } = await startCli(
      ['inspect', '--device', 'sim:web', '--web'],
      env,
      /inspect page: (http:\/\/127\.0\.0\.1:\d+\/\?token=\w+)/,
    );
    stop = () => child.kill('SIGINT');
    const url = match[1]!;
    // Without the token the page is refused.
    expect((await fetch(url.replace(/token=\w+/, 'token=wrong'))).status).toBe(403);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      await page.goto(url);
      await page.waitForSelector('.box');
      await page.click('.box[data-text="Post"]');
      expect(await page.textContent('#yaml')).toBe('- { text: "Post" }');
      expect(await page.textContent('#named')).toContain('post.post (finds one)');
      await page.click('#refresh');
      await page.waitForFunction(() =>
        document.getElementById('status')?.textContent?.startsWith('capture 2'),
      );
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.click('.box[data-text="Post"]');
      await page.screenshot({ path: join(ARTIFACTS, 'inspect-web.png') });
    } finally {
      await browser.close();
    }
  });
});

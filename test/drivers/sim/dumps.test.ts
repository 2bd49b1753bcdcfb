/**
 * The simulator against real TikTok hierarchy dumps (../shared/tiktok-dumps, read in place, never
 * copied): for each screen with a dump, the nodes the product uses carry the same resource-ids,
 * texts and content-descs. Anonymised tokens in the dumps (name_N, user_N, @0000000000) and
 * numbers (counts, percentages) match anything of their kind.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { type SimCapsInput, simProfileInfo } from 'draftvault-sim-driver/api';
import { describe, expect, it } from 'vitest';
import { by, launchAndDismiss, tap, toPostScreen, UI, useSimServer } from '../../helpers/sim.js';

const DUMPS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'tiktok-dumps');
const haveDumps = existsSync(DUMPS);
if (!haveDumps) console.warn(`tiktok dumps not found at ${DUMPS}: dump comparison tests are SKIPPED`);

interface DumpNode {
  id: string;
  cls: string;
  text: string;
  desc: string;
  bounds: string;
  pkg: string;
}

function nodesOf(xml: string): DumpNode[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const all = Array.from(doc.getElementsByTagName('*')) as Element[];
  return all
    .filter((e) => e.tagName !== 'hierarchy')
    .map((e) => ({
      id: (e.getAttribute('resource-id') ?? '').replace(/^.*:id\//, ''),
      cls: e.getAttribute('class') ?? '',
      text: e.getAttribute('text') ?? '',
      desc: e.getAttribute('content-desc') ?? '',
      bounds: e.getAttribute('bounds') ?? '',
      pkg: e.getAttribute('package') ?? '',
    }));
}

/** A dump value as a pattern: anonymised tokens and numbers match any value of their kind. */
function pattern(v: string): RegExp {
  const esc = v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = esc
    .replace(/(name|user)_\d+/g, '\uE000')
    .replace(/@0000000000/g, '@\uE001')
    .replace(/\d+/g, '\\d+')
    // The dump copies lost their non-breaking spaces (SOURCES.md): any space matches any space.
    .replace(/ /g, '[\\s\u00a0\u202f]')
    .replace(/\uE000/g, '.+?')
    .replace(/\uE001/g, '\\d+');
  return new RegExp(`^${re}$`, 's');
}

/** Compare the product-used ids of a dump with the simulator's page source. */
function compare(dump: DumpNode[], sim: DumpNode[], ids: string[]): string[] {
  const problems: string[] = [];
  for (const id of ids) {
    const want = dump.filter((n) => n.id === id);
    const got = sim.filter((n) => n.id === id);
    if (want.length === 0) problems.push(`dump has no id/${id} (test spec is wrong)`);
    if (got.length === 0) problems.push(`simulator has no id/${id}`);
    for (const w of want) {
      for (const field of ['text', 'desc'] as const) {
        if (!w[field]) continue;
        const p = pattern(w[field]);
        if (!got.some((g) => p.test(g[field]))) {
          problems.push(
            `id/${id} ${field} ${JSON.stringify(w[field])}: simulator has ${JSON.stringify(got.map((g) => g[field]))}`,
          );
        }
      }
      if (!got.some((g) => g.cls === w.cls))
        problems.push(`id/${id} class ${w.cls}: simulator has ${got.map((g) => g.cls).join(', ')}`);
    }
  }
  return problems;
}

const sim = useSimServer();

async function pageOn(
  device: string,
  caps: Partial<SimCapsInput>,
  walk: (s: WebdriverIO.Browser) => Promise<void>,
) {
  // The dumps are `uiautomator dump` files, which hold every window (the 46.6.3 badge over the
  // feed): the simulator's page source shows them all only with enableMultiWindows.
  const s = await sim.open(device, { simReset: true, simMultiWindows: true, ...caps });
  await walk(s);
  const xml = await s.getPageSource();
  await sim.close(s);
  return nodesOf(xml);
}

/** The dumps show an empty caption (its hint): clear the draft's caption (no keyboard opens). */
async function showEmptyCaption(s: WebdriverIO.Browser): Promise<void> {
  await (await s.$('android=new UiSelector().className("android.widget.EditText")')).clearValue();
  if (await s.isKeyboardShown()) await s.back();
}

function dump(name: string): DumpNode[] {
  return nodesOf(readFileSync(join(DUMPS, name), 'utf8'));
}

describe.skipIf(!haveDumps)('simulator vs real TikTok dumps', () => {
  it('43.1.4 post screen (tt4314_publish_post_screen.xml)', async () => {
    const pkg = simProfileInfo('tiktok-43.1.4').packageName;
    const got = await pageOn(
      'dump-4314-post',
      { simProfile: 'tiktok-43.1.4', simLocale: 'en', simDrafts: 1 },
      async (s) => {
        await launchAndDismiss(s, pkg, 'en');
        await toPostScreen(s, 'en');
        await showEmptyCaption(s);
      },
    );
    const ids = [
      'g19',
      'd0z',
      'w4m',
      'j2c',
      'uv6',
      'qrb',
      'fex',
      'tbp',
      't_c',
      'awo',
      'awn',
      'b98',
      'je8',
      'qre',
      'qrf',
      'fgc',
    ];
    expect(compare(dump('tt4314_publish_post_screen.xml'), got, ids)).toEqual([]);
  });

  it('47.0.3 French post screen (tt4703_fr_publish_post_screen.xml)', async () => {
    const pkg = simProfileInfo('tiktok-47.0.3').packageName;
    const got = await pageOn(
      'dump-4703-post',
      { simProfile: 'tiktok-47.0.3', simLocale: 'fr', simDrafts: 1 },
      async (s) => {
        await launchAndDismiss(s, pkg, 'fr');
        await toPostScreen(s, 'fr');
        await showEmptyCaption(s);
      },
    );
    const ids = [
      'h8e',
      'kzv',
      'ffg',
      'e13',
      'bd7',
      'dty',
      'ze3',
      'kjy',
      'xvl',
      'w8w',
      'ght',
      'tiq',
      'tit',
      'tiu',
      'gjb',
      'cid',
      'bs0',
      'video_header_layout',
      'video_add_extra_buttons_container',
    ];
    expect(compare(dump('tt4703_fr_publish_post_screen.xml'), got, ids)).toEqual([]);
  });

  it('43.1.4 French own profile with an upload in progress (tt4314_fr_publish_posted.xml)', async () => {
    const pkg = simProfileInfo('tiktok-43.1.4').packageName;
    const got = await pageOn(
      'dump-4314-posted',
      { simProfile: 'tiktok-43.1.4', simLocale: 'fr', simDrafts: 1, simPosts: 8, simTimeScale: 1 },
      async (s) => {
        await launchAndDismiss(s, pkg, 'fr');
        await toPostScreen(s, 'fr');
        await tap(s, by.text(UI.fr.post)); // the app's default audience: this reproduces the dump's screen
        await tap(s, by.desc(UI.fr.profile));
      },
    );
    const ids = [
      'mkq',
      'mkp',
      'mkn',
      'mkr',
      'mks',
      'h9p',
      'xvy',
      'b5s',
      'qf8',
      'qh5',
      'qfw',
      'qfv',
      'a_l',
      'iys',
      'cover',
      'qjj',
      'e52',
    ];
    const d = dump('tt4314_fr_publish_posted.xml');
    expect(compare(d, got, ids)).toEqual([]);
    for (const tab of ['Vidéos', 'Vidéos privées', 'Favoris', 'Vidéos aimées']) {
      expect(
        got.some((n) => n.desc === tab && n.cls === 'android.widget.RelativeLayout'),
        tab,
      ).toBe(true);
    }
  });

  it('46.6.3 upload progress badge over the Friends tab (tt4663_en_publish_uploading.xml)', async () => {
    const pkg = simProfileInfo('tiktok-46.6.3').packageName;
    const got = await pageOn(
      'dump-4663-up',
      { simProfile: 'tiktok-46.6.3', simLocale: 'en', simDrafts: 1, simTimeScale: 1 },
      async (s) => {
        await launchAndDismiss(s, pkg, 'en');
        await toPostScreen(s, 'en');
        await tap(s, by.text('Post'));
      },
    );
    const ids = ['tvProgress', 'ofc', 'ofb', 'of9', 'ofd', 'ofe', 'xs1', 'map'];
    expect(compare(dump('tt4663_en_publish_uploading.xml'), got, ids)).toEqual([]);
  });

  it('shared collections pop-up, French (tt4314_fr_collections_popup.xml)', async () => {
    const pkg = simProfileInfo('tiktok-43.1.4').packageName;
    const got = await pageOn(
      'dump-coll',
      { simProfile: 'tiktok-43.1.4', simLocale: 'fr', simLaunchPopups: ['collections'] },
      async (s) => {
        await s.activateApp(pkg);
      },
    );
    const ids = ['wh2', 'f0u', 'jyu', 'jzb', 'rg0', 'ny9', 'wlp', 'jyh'];
    const d = dump('tt4314_fr_collections_popup.xml');
    expect(compare(d, got, ids)).toEqual([]);
    for (const text of d.filter((n) => n.text && !n.id).map((n) => n.text)) {
      expect(
        got.some((n) => n.text === text),
        text,
      ).toBe(true);
    }
  });

  it('update prompt: an opaque dialog with no text, desc or id (tt4314_fr_update_prompt.xml)', async () => {
    const pkg = simProfileInfo('tiktok-43.1.4').packageName;
    const d = dump('tt4314_fr_update_prompt.xml');
    const card = d.find((n) => n.bounds === '[152,562][928,1658]' && n.pkg === pkg)!;
    expect(card).toMatchObject({ cls: 'android.view.ViewGroup', text: '', desc: '', id: '' });
    const got = await pageOn(
      'dump-update',
      { simProfile: 'tiktok-43.1.4', simLocale: 'fr', simLaunchPopups: ['update'] },
      async (s) => {
        await s.activateApp(pkg);
      },
    );
    expect(got.find((n) => n.bounds === card.bounds)).toMatchObject({
      cls: card.cls,
      text: '',
      desc: '',
      id: '',
    });
  });

  it('cold start: no TikTok window yet (tt4314_fr_launch_black.xml, tt4314_fr_launch_starting_window.xml)', async () => {
    const pkg = simProfileInfo('tiktok-43.1.4').packageName;
    for (const f of ['tt4314_fr_launch_black.xml', 'tt4314_fr_launch_starting_window.xml']) {
      expect(
        dump(f).filter((n) => n.pkg === pkg),
        f,
      ).toEqual([]);
    }
    const got = await pageOn(
      'dump-launch',
      { simProfile: 'tiktok-43.1.4', simLocale: 'fr', simTimeScale: 20 },
      async (s) => {
        await s.activateApp(pkg);
      },
    );
    expect(got.filter((n) => n.pkg === pkg)).toEqual([]);
    expect(got.some((n) => n.id === 'status_bar')).toBe(true);
  });
});

/**
 * The seed's manual workaround, step by step, on every version profile, through the real Appium
 * server and WebdriverIO: open a draft, Next, Only you, Save to device, Post, the video lands in
 * DCIM/Camera, and pullFile returns an MP4 whose bytes trace back to the draft.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { videoTag } from '../model/media.js';
import { readMovie } from '../model/mp4.js';
import { getProfile } from '../model/profiles.js';
import { useSimServer } from './support/sim.js';
import { by, closePrivacySheet, simState, tap, UI } from './support/walk.js';

const sim = useSimServer();

const PROFILES = [
  ['tiktok-43.1.4', 'en'],
  ['tiktok-46.6.3', 'en'],
  ['trill-44.4.3', 'en'],
  ['tiktok-47.0.3', 'fr'],
] as const;

describe.each(PROFILES)('manual backup walk on %s (%s)', (profile, locale) => {
  it('posts one draft privately with Save to device, and the saved file is that draft', async () => {
    const t = UI[locale];
    const pkg = getProfile(profile).packageName;
    const s = await sim.open(`walk-${profile}`, {
      simReset: true,
      simDrafts: 3,
      simProfile: profile,
      simLocale: locale,
    });
    await s.activateApp(pkg);
    expect(await s.queryAppState(pkg)).toBe(4);
    // First launch: the two real launch pop-ups.
    await tap(s, by.text(t.notNow));
    await tap(s, by.text(t.dontAllow));
    await tap(s, by.desc(t.profile));
    const banner = await s.$(by.textStarts(t.draftsPrefix));
    expect(await banner.getText()).toMatch(/3$/);
    await banner.click();
    const before = await simState(s);
    expect(before.drafts).toHaveLength(3);
    const first = before.drafts[0]!;
    await tap(s, by.text(first.caption));
    await tap(s, by.text(t.next));
    await tap(s, by.desc(t.everyone));
    await tap(s, by.desc(t.onlyYou));
    await closePrivacySheet(s, locale);
    expect(await (await s.$(by.desc(t.onlyYouRow))).isExisting()).toBe(true);
    await tap(s, by.descStarts(t.moreOptions));
    const sw = await s.$(
      `//*[@text="${t.saveToDevice}"]/following-sibling::android.widget.FrameLayout/android.widget.Switch`,
    );
    expect(await sw.getAttribute('checked')).toBe('false');
    await tap(s, by.text(t.saveToDevice));
    expect(
      await (
        await s.$('android=new UiSelector().className("android.widget.Switch").checked(true)')
      ).isExisting(),
    ).toBe(true);
    await s.back();
    await tap(s, by.text(t.post));

    const after = await simState(s);
    expect(after.drafts.map((d) => d.id)).toEqual(before.drafts.slice(1).map((d) => d.id));
    expect(after.posts).toHaveLength(1);
    expect(after.posts[0]).toMatchObject({ privacy: 'only_you', status: 'posted', fromDraft: first.id });

    const saved = (await simState(s)).posts[0]!;
    const b64 = await pullNewestCameraFile(s);
    const bytes = Buffer.from(b64.data, 'base64');
    expect(b64.name).toMatch(/^[0-9a-f]{32}\.mp4$/);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(first.media.sha256);
    expect(videoTag(bytes)).toBe(`walk-${profile}/${first.id}`);
    expect(saved.media.sha256).toBe(first.media.sha256);
    const movie = readMovie(bytes);
    expect(movie?.durationMs).toBeGreaterThan(0);
    expect(movie?.codecs[0]).toMatch(/^avc1/);
    await sim.close(s);
  });
});

/** The newest file in DCIM/Camera: listed the way a real run would (`mobile: shell ls -t`), pulled with pullFile. */
async function pullNewestCameraFile(s: WebdriverIO.Browser) {
  const listing = (await s.execute('mobile: shell', {
    command: 'ls',
    args: ['-t', '/sdcard/DCIM/Camera'],
  })) as string;
  const name = listing.split('\n').filter(Boolean)[0]!;
  return { name, data: await s.pullFile(`/sdcard/DCIM/Camera/${name}`) };
}

/** Resource-ids are obfuscated per version in the real app: a flow keyed on one build's ids fails on another. */
import { describe, expect, it } from 'vitest';
import { getProfile, shortId } from '../model/profiles.js';
import { useSimServer } from './support/sim.js';
import { launchAndDismiss, toPostScreen, UI } from './support/walk.js';

const sim = useSimServer();

const CASES = [
  ['tiktok-43.1.4', 'en', 'qrb'],
  ['trill-44.4.3', 'en', 'rhc'],
  ['tiktok-47.0.3', 'fr', 'tiq'],
] as const;

describe('version-specific resource-ids', () => {
  for (const [profile, locale, postId] of CASES) {
    it(`${profile}: Post is id/${postId} there, and the other versions' Post ids are not`, async () => {
      const s = await sim.open(`ids-${profile}`, {
        simReset: true,
        simDrafts: 1,
        simProfile: profile,
        simLocale: locale,
      });
      const pkg = getProfile(profile).packageName;
      await launchAndDismiss(s, pkg, locale);
      await toPostScreen(s, locale);
      expect(shortId(getProfile(profile), 'post.post')).toBe(postId);
      const own = await s.$(`id=${pkg}:id/${postId}`);
      expect(await own.getText()).toBe(UI[locale].post);
      // A bare id gets the app package, as with UiAutomator2.
      expect(await (await s.$(`id=${postId}`)).isExisting()).toBe(true);
      for (const [other, , otherId] of CASES) {
        if (other === profile) continue;
        expect(await (await s.$(`id=${pkg}:id/${otherId}`)).isExisting(), `${otherId} on ${profile}`).toBe(
          false,
        );
      }
      // Text still finds it: that is why flows select by text and content-desc first.
      expect(await (await s.$(`android=new UiSelector().text("${UI[locale].post}")`)).isExisting()).toBe(
        true,
      );
      await sim.close(s);
    });
  }

  it('synthetic ids (where no source shows one) still differ between versions', () => {
    const keys = ['drafts.cell', 'privacy.sheet', 'more.switch', 'profile.draftsBanner'];
    for (const k of keys) {
      const ids = ['tiktok-43.1.4', 'tiktok-46.6.3', 'tiktok-47.0.3'].map((p) =>
        shortId(getProfile(p as never), k),
      );
      expect(new Set(ids).size, k).toBe(3);
    }
  });
});

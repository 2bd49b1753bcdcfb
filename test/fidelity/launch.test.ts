/**
 * At launch: "Continue editing this post?" after TikTok was killed mid-edit (both variants on
 * every profile), the GDPR notice and other launch sheets, and the system permission dialogs
 * whose answer has real consequences (a denied photos permission empties the gallery).
 */
import { describe, expect, it } from 'vitest';
import { runSteps } from '../helpers/flow.js';
import { simState, useSimServer } from '../helpers/sim.js';
import { galleryVideo, naiveSelectors } from './support.js';

const sim = useSimServer();
const naive = naiveSelectors();
const MUSICALLY = ['tiktok-43.1.4', 'tiktok-46.6.3', 'tiktok-47.0.3'] as const;

/** The profile tap of open-drafts as it was: a lost tap is only tapped again. */
const NAIVE_OPEN_DRAFTS = `  - launchApp
  - waitFor: { visible: nav.profile, timeout: 10s }
  - dismissPopups: { settle: 200ms }
  - tap: { selector: nav.profile, until: profile.privateTab, timeout: 3s }`;

describe('"Continue editing this post?" after TikTok was killed mid-edit (tiktok-ui.md C.1, §0.6)', () => {
  for (const profile of MUSICALLY)
    for (const variant of ['tree', 'invisible'] as const)
      it(`${profile}, ${variant === 'tree' ? 'in the tree' : 'invisible to the tree'}: a naive launch is stuck under it; open-drafts gets through and the draft is kept`, async () => {
        const device = `resume-${profile}-${variant}`;
        const caps = {
          simProfile: profile,
          simDrafts: 2,
          simLaunchPopups: [],
          simVariants: { resumeBanner: variant },
        };
        const kill = await runSteps(
          sim,
          device,
          '  - runFlow: ${flows}/open-drafts.yaml\n  - runFlow: ${flows}/open-draft.yaml\n  - stopApp',
          { caps: caps as never },
        );
        expect(kill.result.error).toBeUndefined();
        const stuck = await runSteps(sim, device, NAIVE_OPEN_DRAFTS, {
          session: kill.session,
          selectors: naive,
        });
        expect(stuck.result.error?.code).toBe('E_ASSERTION_FAILED');
        expect((await simState(kill.session)).app.resumeBanner).toBe(true);
        const ok = await runSteps(sim, device, '  - runFlow: ${flows}/open-drafts.yaml', {
          session: kill.session,
        });
        expect(ok.result.error).toBeUndefined();
        const st = await simState(kill.session);
        expect(st.app.resumeBanner).toBe(false);
        expect(st.app.stack.at(-1)?.name).toBe('drafts');
        expect(st.drafts).toHaveLength(2);
      });
});

describe('launch sheets: the GDPR notice ("Got it", no id), Link email, security checkup (C.1, §1.2)', () => {
  for (const locale of ['en', 'fr'] as const)
    it(`${locale}: the naive watchers leave the GDPR sheet over the bar; the shipped ones clear all three`, async () => {
      const caps = {
        simDrafts: 1,
        simLocale: locale,
        simLaunchPopups: ['gdpr', 'linkEmail', 'security', 'notif'],
      };
      const stuck = await runSteps(sim, `sheets-naive-${locale}`, NAIVE_OPEN_DRAFTS, {
        caps: caps as never,
        selectors: naive,
      });
      // The sheet is a window of its own: the bar is out of the tree (not found), or a tap on it is absorbed.
      expect(stuck.result.error?.code).toMatch(/^E_(ELEMENT_NOT_FOUND|ASSERTION_FAILED)$/);
      // Its Got it sits where the Profile tab is, so the naive tap may clear it: then the security sheet holds.
      expect(['gdpr', 'security']).toContain((await simState(stuck.session)).app.popup);
      const ok = await runSteps(sim, `sheets-${locale}`, '  - runFlow: ${flows}/open-drafts.yaml', {
        caps: caps as never,
      });
      expect(ok.result.error).toBeUndefined();
      const st = await simState(ok.session);
      expect(st.app.popup).toBeUndefined();
      expect(st.app.pendingPopups).toEqual([]);
      expect(st.app.stack.at(-1)?.name).toBe('drafts');
    });
});

describe('Android permission dialogs with consequences (C.1 table)', () => {
  const ask = { camera: 'ask', microphone: 'ask', media: 'ask', notifications: 'ask' } as const;
  for (const locale of ['en', 'fr'] as const)
    it(`${locale}: the naive "Don’t allow" watcher denies photos and videos and the gallery is empty; restore allows them and makes the draft`, async () => {
      const video = await galleryVideo(locale === 'en' ? 71 : 72);
      const caps = { simDrafts: 1, simLocale: locale, simPermissions: ask };
      const denied = await runSteps(
        sim,
        `perm-naive-${locale}`,
        `${video.steps}  - launchApp\n  - waitFor: { visible: nav.profile, timeout: 10s }\n  - dismissPopups: { settle: 200ms }\n  - tap: { selector: nav.create, until: camera.upload }\n  - tap: { selector: camera.upload, until: picker.grid }\n  - tap: { selector: picker.newest, until: picker.next, timeout: 3s }`,
        { caps: caps as never, files: video.files, selectors: naive },
      );
      expect(denied.result.error?.code).toBe('E_ELEMENT_NOT_FOUND');
      const st0 = await simState(denied.session);
      expect(st0.permissions.media).toBe('denied');
      expect(st0.app.stack.at(-1)?.name).toBe('picker');

      const ok = await runSteps(sim, `perm-${locale}`, `${video.steps}  - runFlow: \${flows}/restore.yaml`, {
        caps: caps as never,
        files: video.files,
      });
      expect(ok.result.error).toBeUndefined();
      const st = await simState(ok.session);
      expect(st.permissions).toMatchObject({
        camera: 'granted',
        microphone: 'granted',
        media: 'granted',
        notifications: 'denied',
      });
      expect(st.drafts).toHaveLength(2);
    });
});

/**
 * On the post screen: the "Add a catchy title" field above the caption (some 43.1.4 builds), the
 * privacy sheet that stays up after a pick (47.0.3), and French typography (no-break spaces,
 * straight or curly apostrophes), each against a naive flow and the shipped ones.
 */
import { describe, expect, it } from 'vitest';
import { runSteps } from '../helpers/flow.js';
import { simState, useSimServer } from '../helpers/sim.js';

const sim = useSimServer();
const TO_POST = '  - runFlow: ${flows}/open-drafts.yaml\n  - runFlow: ${flows}/open-draft.yaml\n';

describe('"Add a catchy title" above the caption (tiktok-ui.md C.5)', () => {
  for (const profile of ['tiktok-43.1.4', 'tiktok-47.0.3'] as const)
    it(`${profile}: the first EditText is the title, so a naive marker lands there; mark-caption puts it in the caption`, async () => {
      const caps = { simProfile: profile, simLocale: 'en', simDrafts: 1, simVariants: { titleField: true } };
      const naive = await runSteps(
        sim,
        `title-naive-${profile}`,
        `${TO_POST}  - inputText: { selector: { className: android.widget.EditText }, text: "#dvnaive01" }`,
        { caps: caps as never },
      );
      expect(naive.result.error).toBeUndefined();
      const c0 = (await simState(naive.session)).app.compose!;
      expect(c0.title).toBe('#dvnaive01');
      expect(c0.caption).not.toContain('#dvnaive01');

      const ok = await runSteps(
        sim,
        `title-${profile}`,
        `${TO_POST}  - runFlow: { flow: \${flows}/mark-caption.yaml, params: { marker: "#dvship001" } }`,
        { caps: caps as never },
      );
      expect(ok.result.error).toBeUndefined();
      const c = (await simState(ok.session)).app.compose!;
      expect(c.caption).toMatch(/ #dvship001$/);
      expect(c.title).toBeUndefined();
    });
});

describe('the privacy sheet after a pick: closes (44.4.3) or stays up (47.0.3) (C.6)', () => {
  const NAIVE = `${TO_POST}  - tap: { selector: post.privacyRow, until: privacy.onlyYou }
  - tap: privacy.onlyYou
  - assertVisible: { selector: post.privacyRowPrivate, timeout: 3s }
  - tap: { selector: post.moreOptions, until: more.saveToDevice, timeout: 3s }`;
  for (const profile of ['tiktok-43.1.4', 'tiktok-47.0.3'] as const)
    for (const sheet of ['stays', 'closes'] as const)
      it(`${profile}, the sheet ${sheet}: set-private and save-to-device get Only you and Save to device${sheet === 'stays' ? '; a naive flow is stuck under the sheet' : ''}`, async () => {
        const caps = {
          simProfile: profile,
          simLocale: 'en',
          simDrafts: 1,
          simVariants: { privacySheet: sheet },
        };
        if (sheet === 'stays') {
          const naive = await runSteps(sim, `sheet-naive-${profile}`, NAIVE, { caps: caps as never });
          expect(naive.result.error?.code).toBe('E_ASSERTION_FAILED');
          expect((await simState(naive.session)).app.stack.at(-1)?.name).toBe('privacy');
        }
        const ok = await runSteps(
          sim,
          `sheet-${profile}-${sheet}`,
          `${TO_POST}  - runFlow: \${flows}/set-private.yaml\n  - runFlow: \${flows}/save-to-device.yaml`,
          { caps: caps as never },
        );
        expect(ok.result.error).toBeUndefined();
        const st = await simState(ok.session);
        expect(st.app.stack.at(-1)?.name).toBe('post');
        expect(st.app.compose).toMatchObject({ privacy: 'only_you', saveToDevice: true });
      });
});

describe('French typography: no-break spaces before ":" and "%", straight and curly apostrophes (C.14)', () => {
  const NAIVE = `  - runFlow: \${flows}/launch.yaml
  - tap: { selector: nav.profile, until: profile.privateTab }
  - tap: { selector: { textStartsWith: "Brouillons :" }, until: drafts.grid, timeout: 2s }
  - runFlow: \${flows}/open-draft.yaml
  - tap: { selector: post.moreOptions, until: { text: "Enregistrer sur l’appareil" }, timeout: 2s }`;
  const cases = [
    ['tiktok-47.0.3', 'curly', 'nbsp'],
    ['tiktok-47.0.3', 'straight', 'narrow'],
    ['tiktok-47.0.3', 'curly', 'plain'],
    ['tiktok-43.1.4', 'straight', 'plain'],
    ['tiktok-43.1.4', 'curly', 'nbsp'],
    ['tiktok-46.6.3', 'straight', 'nbsp'],
  ] as const;
  for (const [profile, apostrophe, frenchSpace] of cases)
    it(`${profile}, ${apostrophe} apostrophes, ${frenchSpace} spaces: prepare-post reaches Only you and Save to device${apostrophe === 'straight' || frenchSpace !== 'plain' ? '; the naive selectors do not' : ''}`, async () => {
      const caps = {
        simProfile: profile,
        simLocale: 'fr',
        simDrafts: 2,
        simVariants: { apostrophe, frenchSpace },
      };
      if (apostrophe === 'straight' || frenchSpace !== 'plain') {
        const naive = await runSteps(sim, `fr-naive-${profile}-${apostrophe}-${frenchSpace}`, NAIVE, {
          caps: caps as never,
        });
        expect(naive.result.error?.code).toMatch(/^E_(ELEMENT_NOT_FOUND|ASSERTION_FAILED)$/);
      }
      const ok = await runSteps(
        sim,
        `fr-${profile}-${apostrophe}-${frenchSpace}`,
        '  - runFlow: ${flows}/open-drafts.yaml\n  - runFlow: { flow: ${flows}/prepare-post.yaml, params: { marker: "#dvfrench1" } }',
        { caps: caps as never },
      );
      expect(ok.result.error).toBeUndefined();
      const c = (await simState(ok.session)).app.compose!;
      expect(c).toMatchObject({ privacy: 'only_you', saveToDevice: true });
      expect(c.caption).toContain('#dvfrench1');
    });
});

/**
 * The interlock's real lookup, not only its decision: on the simulated phone, in every locale the
 * simulator speaks and on every profile, the gate's own UiSelector lookups (through Appium and
 * WebdriverIO) find the Post control and the privacy row for each audience, read it, and let
 * Post through only for Only you. French rows are read under each typography variant.
 */
import { describe, expect, it } from 'vitest';
import { DraftvaultError } from '../../src/errors.js';
import { GatedDevice } from '../../src/runner/device.js';
import { normaliseText, rowsProvePrivate } from '../../src/runner/privacy.js';
import { runSteps } from '../helpers/flow.js';
import { useSimServer } from '../helpers/sim.js';

const sim = useSimServer();

const WORDS = {
  en: {
    post: 'Post',
    options: {
      everyone: '{ selector: { desc: Everyone } }',
      friends: '{ selector: { text: Friends } }',
      only_you: 'privacy.onlyYou',
    },
    rows: {
      everyone: 'Everyone can view this post',
      friends: 'Friends can view this post',
      only_you: 'Only you can view this post',
    },
  },
  fr: {
    post: 'Publier',
    options: {
      everyone: '{ selector: { desc: Tout le monde } }',
      friends: '{ selector: { text: Ami(e)s } }',
      only_you: 'privacy.onlyYou',
    },
    rows: {
      everyone: 'Tout le monde peut voir cette publication',
      friends: 'Tes ami(e)s peuvent voir cette publication',
      only_you: 'Seulement toi peux voir cette publication',
    },
  },
} as const;

const CASES = [
  ['tiktok-43.1.4', 'en', {}],
  ['tiktok-43.1.4', 'fr', { apostrophe: 'straight', frenchSpace: 'plain' }],
  ['tiktok-46.6.3', 'en', {}],
  ['tiktok-46.6.3', 'fr', { apostrophe: 'curly', frenchSpace: 'narrow' }],
  ['trill-44.4.3', 'en', {}],
  ['trill-44.4.3', 'fr', { apostrophe: 'straight', frenchSpace: 'nbsp' }],
  ['tiktok-47.0.3', 'en', {}],
  ['tiktok-47.0.3', 'fr', { apostrophe: 'curly', frenchSpace: 'nbsp' }],
] as const;

describe('the gate reads the privacy row with its own lookups, per profile and locale', () => {
  for (const [profile, locale, variants] of CASES)
    it(`${profile} (${locale}): each audience's row is found and read; only Only you lets Post through`, async () => {
      const appId = profile.startsWith('trill') ? 'com.ss.android.ugc.trill' : 'com.zhiliaoapp.musically';
      const w = WORDS[locale];
      const device = `lookup-${profile}-${locale}`;
      const caps = { simProfile: profile, simLocale: locale, simDrafts: 1, simVariants: variants };
      const run = await runSteps(
        sim,
        device,
        '  - runFlow: ${flows}/open-drafts.yaml\n  - runFlow: ${flows}/open-draft.yaml',
        {
          caps: caps as never,
          appId,
        },
      );
      expect(run.result.error).toBeUndefined();
      const gated = new GatedDevice(run.session, { platform: 'android' });
      for (const level of ['friends', 'only_you', 'everyone'] as const) {
        const pick = await runSteps(
          sim,
          device,
          `  - tap: { selector: post.privacyRow, until: privacy.onlyYou }\n  - tap: ${w.options[level]}\n  - waitFor: { gone: privacy.question, timeout: 1s, optional: true }\n  - back: { when: { visible: privacy.question } }\n  - waitFor: post.privacyRow`,
          { session: run.session, appId },
        );
        expect(pick.result.error).toBeUndefined();
        const rows = await gated.gate.privacyRows();
        expect(rows).toEqual([normaliseText(w.rows[level])]);
        expect(rowsProvePrivate(rows)).toBe(level === 'only_you');
        const controls = await gated.gate.publishIds();
        expect(controls).toHaveLength(1);
        const verdict = await gated.gate
          .check({ kind: 'element', what: 'tap Post', elementId: controls[0]! })
          .then(
            () => 'allowed',
            (e: unknown) => (e instanceof DraftvaultError ? e.code : String(e)),
          );
        expect(verdict).toBe(level === 'only_you' ? 'allowed' : 'E_PRIVACY_UNPROVEN');
      }
    });
});

/** The privacy interlock: in code, always on, no flow can get around it. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deviceFacts } from '../../src/drivers/facts.js';
import { loadProject } from '../../src/flows/project.js';
import { flowFiles, folderArtifacts } from '../../src/jobs/sinks.js';
import { MemoryReporter } from '../../src/runner/events.js';
import { rowsProvePrivate } from '../../src/runner/privacy.js';
import { runFlow } from '../../src/runner/run.js';
import { simState, useSimServer } from '../helpers/sim.js';

const sim = useSimServer();
const FIX = join(import.meta.dirname, '..', 'fixtures', 'run');
const PKG = 'com.zhiliaoapp.musically';

describe('privacy interlock', () => {
  it('reads only "Only you / Only me" rows as private', () => {
    expect(rowsProvePrivate(['Only you can view this post'])).toBe(true);
    expect(rowsProvePrivate(['Only me can watch this video'])).toBe(true);
    expect(rowsProvePrivate(['Seulement toi peux voir cette publication'])).toBe(true);
    expect(rowsProvePrivate(['Everyone can view this post'])).toBe(false);
    expect(rowsProvePrivate(['Friends can view this post'])).toBe(false);
    expect(rowsProvePrivate(['Tout le monde peut voir cette publication'])).toBe(false);
    expect(rowsProvePrivate(['Only you can view this post', 'Everyone can view this post'])).toBe(false);
    expect(rowsProvePrivate([])).toBe(false);
    expect(rowsProvePrivate(undefined)).toBe(false);
  });

  for (const [name, caps] of [
    ['a flow edited to skip the privacy step', {}],
    ['Everyone left as the app default, French UI', { simProfile: 'tiktok-47.0.3', simLocale: 'fr' }],
  ] as const) {
    it(`refuses to post: ${name}`, async () => {
      const session = await sim.open(`priv-${Object.keys(caps).length}`, {
        simReset: true,
        simDrafts: 2,
        ...caps,
      });
      const dir = mkdtempSync(join(tmpdir(), 'dv-priv-'));
      const project = loadProject(join(FIX, 'post-without-privacy.yaml'));
      if (caps.simLocale === 'fr') {
        // The same flow with the French Post label.
        const step = project.entry.steps.at(-1) as { args: { selector: { text: string } } };
        step.args.selector.text = 'Publier';
      }
      const result = await runFlow({
        session,
        project,
        facts: await deviceFacts(session, { kind: 'sim', id: 'p', platform: 'android' }, PKG),
        appId: PKG,
        reporter: new MemoryReporter(),
        files: flowFiles({ readRoot: FIX, writeRoot: dir }),
        artifacts: folderArtifacts(dir),
        signal: new AbortController().signal,
        pollMs: 50,
      });
      expect(result.error?.code).toBe('E_PRIVACY_UNPROVEN');
      expect(result.error?.message).toMatch(
        /refused to tap .*: the privacy row reads "(Everyone can view this post|Tout le monde peut voir cette publication)"/,
      );
      const st = await simState(session);
      expect(st.posts).toHaveLength(0);
      expect(st.drafts).toHaveLength(2);
    });
  }
});

/**
 * The restore and own-video paths: the camera's gallery entry has no content-desc on any build
 * (tiktok-ui.md C.10), and the own video's sheet says "Download" and keeps Delete past a sideways
 * swipe (C.9). A naive flow fails on each; the shipped restore, save-video and delete flows pass.
 */
import { describe, expect, it } from 'vitest';
import { runSteps } from '../helpers/flow.js';
import { simState, useSimServer } from '../helpers/sim.js';
import { galleryVideo } from './support.js';

const sim = useSimServer();

describe('the gallery entry without content-desc (C.10)', () => {
  const cases = [
    ['tiktok-43.1.4', 'bare'],
    ['tiktok-43.1.4', 'labelled'],
    ['tiktok-46.6.3', 'hot-area'],
    ['trill-44.4.3', 'bare'],
    ['trill-44.4.3', 'hot-area'],
    ['tiktok-47.0.3', 'hot-area'],
  ] as const;
  for (const [profile, galleryEntry] of cases)
    it(`${profile}, ${galleryEntry}: "desc Upload" finds nothing; restore makes the draft`, async () => {
      const appId = profile.startsWith('trill') ? 'com.ss.android.ugc.trill' : 'com.zhiliaoapp.musically';
      const video = await galleryVideo(galleryEntry.length * 10 + profile.length);
      const caps = { simProfile: profile, simLocale: 'en', simDrafts: 1, simVariants: { galleryEntry } };
      const naive = await runSteps(
        sim,
        `gallery-naive-${profile}-${galleryEntry}`,
        `  - runFlow: \${flows}/launch.yaml\n  - tap: { selector: nav.create, until: { desc: Upload }, timeout: 2s }`,
        { caps: caps as never, appId },
      );
      expect(naive.result.error?.code).toBe('E_ASSERTION_FAILED');
      const ok = await runSteps(
        sim,
        `gallery-${profile}-${galleryEntry}`,
        `${video.steps}  - runFlow: \${flows}/restore.yaml`,
        { caps: caps as never, appId, files: video.files },
      );
      expect(ok.result.error).toBeUndefined();
      expect((await simState(ok.session)).drafts).toHaveLength(2);
    });
});

describe('the own-video sheet: Download, and Delete past a sideways swipe (C.9)', () => {
  const post = (marker: string) =>
    `  - runFlow: \${flows}/open-drafts.yaml\n  - runFlow: { flow: \${flows}/prepare-post.yaml, params: { marker: "${marker}" } }\n  - runFlow: \${flows}/post.yaml\n  - runFlow: \${flows}/wait-upload.yaml\n`;
  for (const shareSave of ['download', 'save-video'] as const)
    it(`${shareSave}: save-video saves the file and delete-private-post deletes; a naive Delete tap finds nothing`, async () => {
      const caps = { simDrafts: 1, simVariants: { shareSave } };
      const marker = shareSave === 'download' ? '#dvshare01' : '#dvshare02';
      const posted = await runSteps(
        sim,
        `share-${shareSave}`,
        `${post(marker)}  - runFlow: { flow: \${flows}/save-video.yaml, params: { marker: "${marker}" } }`,
        { caps: caps as never },
      );
      expect(posted.result.error).toBeUndefined();
      const saved = await posted.session.execute('mobile: shell', {
        command: 'ls',
        args: ['/sdcard/DCIM/Camera'],
      });
      // One from Save to device at the upload, one from the sheet's save entry.
      expect(String(saved).trim().split('\n')).toHaveLength(2);
      const naive = await runSteps(
        sim,
        `share-${shareSave}`,
        '  - tap: { selector: player.more, until: share.saveVideo }\n  - tap: { selector: share.delete, timeout: 2s }',
        { session: posted.session },
      );
      expect(naive.result.error?.code).toBe('E_ELEMENT_NOT_FOUND');
      const del = await runSteps(
        sim,
        `share-${shareSave}`,
        `  - runFlow: { flow: \${flows}/delete-private-post.yaml, params: { marker: "${marker}" } }`,
        { session: posted.session },
      );
      expect(del.result.error).toBeUndefined();
      expect((await simState(posted.session)).posts).toHaveLength(0);
    });
});

/**
 * Fidelity tests: each app behaviour of the simulated phone (tiktok-ui.md Appendix C) is shown
 * to break a naive flow, the one shipped before it was modelled, and to let the shipped flows
 * through. The naive selector file is the shipped one with the watchers flows had before: a
 * "Don’t allow" that taps any such button, and nothing for the new sheets and dialogs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeVideo } from 'draftvault-sim-driver/api';
import { ROOT } from '../helpers/proc.js';

const NAIVE_WATCHERS = `  naive.dontAllow:
    description: any "Don’t allow" button (the watcher as it was)
    any: [{ text: "Don’t allow" }, { text: "Don't allow" }, { text: Ne pas autoriser }]
watchers:
  - { name: notifications / collections prompt, selector: popup.notNow, action: tap }
  - { name: contacts prompt, selector: naive.dontAllow, action: tap }
  - { name: follow your friends, selector: popup.followFriends, action: back }
  - { name: update prompt, selector: popup.update, action: back }
`;

/** A selector file: the shipped selectors with the naive watchers. */
export function naiveSelectors(): string {
  const shipped = readFileSync(join(ROOT, 'flows', 'tiktok', 'selectors.yaml'), 'utf8');
  const file = join(mkdtempSync(join(tmpdir(), 'dv-naive-')), 'selectors.yaml');
  writeFileSync(file, `${shipped.slice(0, shipped.indexOf('\nwatchers:'))}\n${NAIVE_WATCHERS}`);
  return file;
}

/** Steps that push a fresh video into the phone's gallery (pushFile reads the flow's folder). */
export async function galleryVideo(seed: number): Promise<{ files: Record<string, Buffer>; steps: string }> {
  const v = await encodeVideo(seed, `restore-${seed}`);
  return {
    files: { 'restore.mp4': v.bytes },
    steps: `  - pushFile: { from: restore.mp4, to: /sdcard/Movies/restore-${seed}.mp4 }\n`,
  };
}

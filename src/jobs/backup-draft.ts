/**
 * One draft's backup, as a state machine over the journal:
 *   intent-post → (Post) → posted → located → stored → recorded [→ cleaned]
 * Intent is made durable before the irreversible tap; after a crash at any point, `resume`
 * finishes what was started without posting twice or storing twice.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { waitUntil } from '../core/wait.js';
import { DraftvaultError, rethrowInterrupt, toDraftvaultError } from '../errors.js';
import type { BackupStore } from './backup-store.js';
import { listSaved, newFiles } from './device-files.js';
import type { DeviceSession } from './device-session.js';
import type { DraftOutcome, JobReporter } from './events.js';
import type { FlowKit } from './flow-kit.js';
import type { Journal } from './journal.js';

/** What a draft's backup needs. */
export interface DraftContext {
  d: DeviceSession;
  kit: FlowKit;
  journal: Journal;
  store: BackupStore;
  reporter: JobReporter;
  runDir: string;
  cleanupDevice: boolean;
  /** After a verified backup, delete the private post from TikTok. */
  deletePrivatePost: boolean;
  /** After a verified backup, put the video back as a draft (keep-draft.ts). */
  keepDrafts?: boolean;
  /** Test hook: called at each crash point name ("intent", "posted", "located", "stored"). */
  crashPoint: (name: string) => void;
  signal: AbortSignal;
}

/** A new short marker for a caption, e.g. `#dvk3x9a1q`. */
export function newMarker(): string {
  return `#dv${BigInt(`0x${randomBytes(5).toString('hex')}`)
    .toString(36)
    .padStart(8, '0')
    .slice(0, 8)}`;
}

/** Back up the draft at `index` of the drafts grid (the grid is open). */
export async function backupDraft(c: DraftContext, index: number): Promise<DraftOutcome> {
  const marker = newMarker();
  const step = (s: string) => c.reporter.emit({ type: 'draftStep', marker, step: s });
  c.reporter.emit({ type: 'draftStarted', marker, index, resumed: false });
  step('prepare');
  const vars = await c.kit.run('prepare-post', { index, marker }, draftDir(c, marker));
  const caption = String(vars.caption ?? marker);
  const before = await listSaved(c.d);
  c.journal.append({ type: 'intent-post', marker, caption, index, before });
  c.crashPoint('intent');
  step('post');
  try {
    await c.kit.run('post', {}, draftDir(c, marker));
  } catch (err) {
    const e = toDraftvaultError(rethrowInterrupt(err, c.signal));
    if (e.code === 'E_PRIVACY_UNPROVEN') {
      c.journal.append({ type: 'skipped', marker, code: e.code, reason: e.message });
      return { marker, status: 'skipped', caption, code: e.code, reason: e.message };
    }
    // Whether the post happened is unknown: resume decides from what the phone shows.
    return resume(c, marker);
  }
  c.journal.append({ type: 'posted', marker });
  c.crashPoint('posted');
  return finishPosted(c, marker);
}

/** Finish a draft whose journal says it was started. */
export async function resume(c: DraftContext, marker: string): Promise<DraftOutcome> {
  const last = c.journal.last(marker)!;
  const intent = c.journal.find(marker, 'intent-post')!;
  c.reporter.emit({ type: 'draftStarted', marker, index: intent.index, resumed: true });
  switch (last.type) {
    case 'intent-post': {
      // Did Post go through before the crash? Look for the evidence: a new saved video, or a
      // private post with our marker. No evidence: the draft is still a draft.
      // A failed wait is no evidence either way; an interrupt still ends the run.
      await c.kit.run('wait-upload').catch((e) => rethrowInterrupt(e, c.signal));
      if (
        newFiles(savedBefore(c, marker), await listSaved(c.d)).length > 0 ||
        (await postExists(c, marker))
      ) {
        c.journal.append({ type: 'posted', marker });
        return finishPosted(c, marker);
      }
      c.journal.append({
        type: 'abandoned',
        marker,
        reason: 'not posted before the interruption; the draft is still there',
      });
      return { marker, status: 'abandoned', caption: intent.caption };
    }
    case 'posted':
      return finishPosted(c, marker);
    case 'located':
      return finishLocated(c, marker, last.remote, last.via);
    case 'stored':
      return finishStored(c, marker);
    default:
      throw new DraftvaultError('E_INTERNAL', `nothing to resume for ${marker} (${last.type})`);
  }
}

/** Does a checking flow pass (e.g. "a post with this marker exists")? */
async function flowPasses(
  c: DraftContext,
  flow: 'save-video' | 'find-draft',
  marker: string,
): Promise<boolean> {
  try {
    await c.kit.run(flow, flow === 'save-video' ? { marker, save: false } : { marker }, draftDir(c, marker));
    return true;
  } catch (err) {
    rethrowInterrupt(err, c.signal);
    await c.kit.recover();
    return false;
  }
}

function postExists(c: DraftContext, marker: string): Promise<boolean> {
  return flowPasses(c, 'save-video', marker);
}

async function finishPosted(c: DraftContext, marker: string): Promise<DraftOutcome> {
  const intent = c.journal.find(marker, 'intent-post')!;
  c.reporter.emit({ type: 'draftStep', marker, step: 'upload' });
  await c.kit.run('wait-upload', {}, draftDir(c, marker));
  let via: 'save-to-device' | 'save-video' = 'save-to-device';
  let found = await waitForNewFile(c, savedBefore(c, marker), 10_000);
  if (!found && (await flowPasses(c, 'find-draft', marker))) {
    // "Couldn't upload video. The video was saved to your drafts.": nothing was posted.
    c.journal.append({
      type: 'abandoned',
      marker,
      reason: 'the upload failed and TikTok put the draft back',
    });
    return {
      marker,
      status: 'abandoned',
      caption: intent.caption,
      reason: 'upload failed; the draft will be backed up again',
    };
  }
  if (!found) {
    // "Save to device" left nothing (storage, an old build): save it from the private video.
    via = 'save-video';
    c.reporter.emit({ type: 'draftStep', marker, step: 'save video' });
    await c.kit.run('save-video', { marker, save: true }, draftDir(c, marker));
    found = await waitForNewFile(c, savedBefore(c, marker), 60_000);
  }
  if (!found)
    throw new DraftvaultError('E_STEP_FAILED', `posted, but no saved video appeared in ${c.d.media.saved}`);
  const remote = `${c.d.media.saved}/${found}`;
  c.journal.append({ type: 'located', marker, remote, via });
  c.crashPoint('located');
  return finishLocated(c, marker, remote, via);
}

/** The saved videos before this draft's Post (the journal holds them for every intent to post). */
function savedBefore(c: DraftContext, marker: string): string[] {
  const before = c.journal.savedBefore(marker);
  if (!before) throw new DraftvaultError('E_INTERNAL', `no saved-videos list journaled for ${marker}`);
  return before;
}

function waitForNewFile(c: DraftContext, before: string[], ms: number): Promise<string | undefined> {
  return waitUntil(
    async () =>
      newFiles(before, await listSaved(c.d))
        .sort()
        .at(-1),
    {
      timeoutMs: ms,
      intervalMs: 500,
      signal: c.signal,
    },
  );
}

async function finishLocated(
  c: DraftContext,
  marker: string,
  remote: string,
  via: 'save-to-device' | 'save-video',
): Promise<DraftOutcome> {
  const intent = c.journal.find(marker, 'intent-post')!;
  c.reporter.emit({ type: 'draftStep', marker, step: 'pull' });
  const partial = c.store.partialPath(marker);
  await c.d.io.pull(remote, partial);
  const entry = await c.store.storeFile(partial, {
    marker,
    caption: intent.caption,
    remotePath: remote,
    via,
    device: c.d.facts.device,
    appVersion: c.d.facts.appVersion,
  });
  c.journal.append({
    type: 'stored',
    marker,
    file: entry.file,
    sha256: entry.sha256,
    size: entry.size,
    durationMs: entry.durationMs,
  });
  c.crashPoint('stored');
  return finishStored(c, marker);
}

async function finishStored(c: DraftContext, marker: string): Promise<DraftOutcome> {
  const stored = c.journal.find(marker, 'stored')!;
  const entry = c.store.findEntry({ marker }) ?? c.store.findEntry({ sha256: stored.sha256 });
  const check = entry && (await c.store.verifyEntry(entry));
  if (!entry || !check?.ok)
    throw new DraftvaultError(
      'E_STEP_FAILED',
      `stored video ${stored.file} does not verify: ${check?.problem ?? 'not in the manifest'}`,
    );
  c.journal.append({ type: 'recorded', marker });
  // Deleting happens only after the video is verified on this computer, each announced first.
  const located = c.journal.find(marker, 'located');
  if (c.cleanupDevice && located) {
    c.journal.append({ type: 'intent-delete', marker, what: 'gallery' });
    await c.d.io.delete(located.remote);
    c.journal.append({ type: 'cleaned', marker, what: 'gallery' });
  }
  if (c.deletePrivatePost) {
    c.journal.append({ type: 'intent-delete', marker, what: 'post' });
    await c.kit.run('delete-private-post', { marker }, draftDir(c, marker));
    c.journal.append({ type: 'cleaned', marker, what: 'post' });
  }
  return {
    marker,
    status: 'backed-up',
    caption: entry.caption,
    file: join(c.store.dir, entry.file),
    size: entry.size,
    sha256: entry.sha256,
  };
}

function draftDir(c: DraftContext, marker: string): string {
  return join(c.runDir, marker.replace(/^#/, ''));
}

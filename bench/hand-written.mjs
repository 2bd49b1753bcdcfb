/**
 * The yardstick: the backup written by hand in WebdriverIO, as tight as a careful engineer would
 * write it for the simulated phone in English. Same safe sequence as draftvault's flows: launch
 * once, then per draft Profile → read "Drafts: N" (no tile: done; the script is not told how
 * many drafts there are) → Drafts → first draft → Next → caption marker → Only you (confirmed on
 * the row) → Save to device → back on the post screen the row still says Only you (the privacy
 * check right before Post) → list the saved videos → Post → wait for the upload → find the new
 * file → pull, hash, write (temp file + rename). Protocol commands only (no `$()` auto-waits):
 * one request each.
 */
import { createHash, randomBytes } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { remote } from 'webdriverio';

const UI = '-android uiautomator';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const SAVED = '/sdcard/DCIM/Camera';
const POLL_MS = 100;

const sel = {
  profile: 'new UiSelector().description("Profile")',
  // Both launch prompts in one lookup (a `;` union: one request).
  popups: 'new UiSelector().text("Not now");new UiSelector().text("Don’t allow")',
  drafts: 'new UiSelector().textStartsWith("Drafts:")',
  // The profile grid has loaded: the Drafts tile, a video, or "No videos yet".
  profileLoaded:
    'new UiSelector().textStartsWith("Drafts:");new UiSelector().resourceIdMatches(".*:id/cover");new UiSelector().text("No videos yet")',
  grid: 'new UiSelector().className("androidx.recyclerview.widget.RecyclerView")',
  cellInGrid: 'new UiSelector().className("android.widget.FrameLayout")',
  next: 'new UiSelector().text("Next")',
  caption: 'new UiSelector().className("android.widget.EditText")',
  privacyRow: 'new UiSelector().descriptionMatches(".*can view this post.*")',
  onlyYou: 'new UiSelector().description("Only you")',
  rowPrivate: 'new UiSelector().descriptionMatches("Only you can view this post.*")',
  more: 'new UiSelector().descriptionStartsWith("More options")',
  saveLabel: 'new UiSelector().text("Save to device")',
  saveSwitch: 'new UiSelector().className("android.widget.Switch")',
  post: 'new UiSelector().text("Post")',
  progress: 'new UiSelector().textMatches("\\d{1,3}[\\s\\u00A0]?%")',
};

/** Element ids matching a UiSelector (one request). */
async function all(b, value) {
  return (await b.findElements(UI, value)).map((r) => r[ELEMENT]);
}

/** Poll until the selector matches; the first (or last) element id. */
async function waitFor(b, value, { last = false, timeoutMs = 30_000 } = {}) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const ids = await all(b, value);
    if (ids.length) return last ? ids.at(-1) : ids[0];
    if (Date.now() > end) throw new Error(`not found: ${value}`);
    await sleep(POLL_MS);
  }
}

async function tap(b, value, opts) {
  await b.elementClick(await waitFor(b, value, opts));
}

function names(ls) {
  return String(ls)
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The files in the saved-videos folder. */
async function listSaved(b) {
  return names(await b.execute('mobile: shell', { command: 'ls', args: [SAVED] }));
}

/**
 * Back up every draft of the simulated phone behind `caps` into `outDir` (it was given `drafts`).
 * @returns {{ sessionId: string, files: string[] }}
 */
export async function handWrittenBackup({ endpoint, caps, outDir, drafts }) {
  const b = await remote({
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port,
    path: endpoint.path,
    capabilities: caps,
    logLevel: 'silent',
    connectionRetryCount: 0,
  });
  const files = [];
  try {
    await b.updateSettings({ waitForIdleTimeout: 100, waitForSelectorTimeout: 0 });
    await b.activateApp('com.zhiliaoapp.musically');
    // The first launch of a phone asks for notifications, then contacts: each prompt is a window of
    // its own that hides the screen below it, so Profile shows only once both are answered.
    for (const end = Date.now() + 30_000; !(await all(b, sel.profile)).length; ) {
      const [id] = await all(b, sel.popups);
      if (id) await b.elementClick(id);
      else if (Date.now() > end) throw new Error(`not found: ${sel.profile}`);
      else await sleep(POLL_MS);
    }
    // Until no "Drafts: N" tile is left (`drafts` only bounds a runaway loop).
    for (let n = 0; ; n++) {
      if (n > drafts) throw new Error(`more drafts than the ${drafts} the phone was given`);
      await tap(b, sel.profile);
      await waitFor(b, sel.profileLoaded);
      const [banner] = await all(b, sel.drafts);
      if (!banner || !/\d+/.test(await b.getElementText(banner))) break;
      await b.elementClick(banner);
      const grid = await waitFor(b, sel.grid);
      const [cell] = (await b.findElementsFromElement(grid, UI, sel.cellInGrid)).map((r) => r[ELEMENT]);
      await b.elementClick(cell);
      await tap(b, sel.next, { last: true });
      const field = await waitFor(b, sel.caption, { last: true });
      const marker = `#hw${randomBytes(4).toString('hex')}`;
      const typed = await b.getElementText(field);
      await b.elementSendKeys(field, typed ? `${typed} ${marker}` : marker);
      await tap(b, sel.privacyRow);
      await tap(b, sel.onlyYou);
      // The choice took: the row says Only you.
      await waitFor(b, sel.rowPrivate, { timeoutMs: 3000 });
      await tap(b, sel.more);
      await waitFor(b, sel.saveLabel);
      const sw = await waitFor(b, sel.saveSwitch);
      if ((await b.getElementAttribute(sw, 'checked')) !== 'true') await b.elementClick(sw);
      await b.back();
      // The check right before Post: back on the post screen, the row itself says Only you.
      await waitFor(b, sel.rowPrivate, { timeoutMs: 3000 });
      const before = await listSaved(b);
      await tap(b, sel.post, { last: true });
      await waitFor(b, sel.profile);
      while ((await all(b, sel.progress)).length) await sleep(POLL_MS);
      let fresh;
      for (let i = 0; i < 600 && !fresh; i++) {
        fresh = (await listSaved(b))
          .filter((f) => !before.includes(f))
          .sort()
          .at(-1);
        if (!fresh) await sleep(POLL_MS);
      }
      if (!fresh) throw new Error('no saved video appeared');
      const bytes = Buffer.from(await b.pullFile(`${SAVED}/${fresh}`), 'base64');
      const sha = createHash('sha256').update(bytes).digest('hex');
      const file = join(outDir, `${sha.slice(0, 16)}.mp4`);
      await writeFile(`${file}.partial`, bytes, { mode: 0o600 });
      await rename(`${file}.partial`, file);
      files.push(file);
    }
    return { sessionId: b.sessionId, files };
  } finally {
    await b.deleteSession().catch(() => {});
  }
}

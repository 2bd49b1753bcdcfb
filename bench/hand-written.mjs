/**
 * The yardstick: the backup written by hand in WebdriverIO, as tight as a careful engineer would
 * write it for the simulated phone in English. Same sequence as draftvault's flows: launch once,
 * then per draft Profile → Drafts → first draft → Next → caption marker → Only you (checked on
 * the row before Post) → Save to device → Post → wait for the upload → find the new file → pull,
 * hash, write (temp file + rename). Protocol commands only (no `$()` auto-waits): one request each.
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
  popups: ['new UiSelector().text("Not now")', 'new UiSelector().text("Don’t allow")'],
  drafts: 'new UiSelector().textStartsWith("Drafts:")',
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

/**
 * Back up `drafts` drafts of the simulated phone behind `caps` into `outDir`.
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
    await waitFor(b, sel.profile);
    // The first launch of a phone asks for notifications, then contacts.
    for (const popup of sel.popups) {
      const [id] = await all(b, popup);
      if (id) await b.elementClick(id);
    }
    let before = names(await b.execute('mobile: shell', { command: 'ls', args: [SAVED] }));
    for (let n = 0; n < drafts; n++) {
      await tap(b, sel.profile);
      await tap(b, sel.drafts);
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
      // The check before Post: the row itself must say Only you.
      await waitFor(b, sel.rowPrivate, { timeoutMs: 3000 });
      await tap(b, sel.more);
      await waitFor(b, sel.saveLabel);
      const sw = await waitFor(b, sel.saveSwitch);
      if ((await b.getElementAttribute(sw, 'checked')) !== 'true') await b.elementClick(sw);
      await b.back();
      await tap(b, sel.post, { last: true });
      await waitFor(b, sel.profile);
      while ((await all(b, sel.progress)).length) await sleep(POLL_MS);
      let fresh;
      for (let i = 0; i < 600 && !fresh; i++) {
        const now = names(await b.execute('mobile: shell', { command: 'ls', args: [SAVED] }));
        fresh = now
          .filter((f) => !before.includes(f))
          .sort()
          .at(-1);
        if (!fresh) await sleep(POLL_MS);
        else before = now;
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

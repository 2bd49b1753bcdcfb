/**
 * What must hold after a soak: read from the backup folder, its manifest and journal, and the
 * simulated phone's own state (never from what the runs printed).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Journal } from '../dist/jobs/journal.js';
import { alive, appiumPids } from './lib.mjs';

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Files a backup folder may hold besides its videos. */
const BOOKKEEPING = new Set(['manifest.json', 'journal.jsonl']);

/**
 * Check a backup of `originals` (the drafts as they were: `{ id, sha256, caption }`) from phone state
 * `phone` (`sim state --json`) in `folder`. `done`: the batch should be complete (every draft
 * backed up); otherwise only "nothing lost" is asked (each draft backed up or still a draft).
 * `pids`: processes the soak started, which must all be gone. Returns `{ name, ok, detail }[]`.
 */
export function checkBackup({ folder, home, originals, phone, done = true, pids = [] }) {
  const checks = [];
  const check = (name, ok, detail = '') => checks.push({ name, ok, detail: ok ? '' : detail });
  const manifestPath = join(folder, 'manifest.json');
  const entries = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')).entries : [];
  const files = existsSync(folder) ? readdirSync(folder).filter((f) => !f.startsWith('.lock')) : [];
  const videos = files.filter((f) => f.endsWith('.mp4'));

  const stored = new Map();
  for (const e of entries) stored.set(e.sha256, (stored.get(e.sha256) ?? 0) + 1);
  const journal = join(folder, 'journal.jsonl');
  const pending = existsSync(journal) ? Journal.open(journal, 'soak-check').pending() : [];
  // Not lost either: posted privately, its marker open in the journal (the next run pulls it).
  const held = new Set([
    ...phone.drafts.map((d) => d.id),
    ...phone.posts.filter((x) => pending.some((m) => x.caption.includes(m))).map((x) => x.fromDraft),
  ]);
  const missing = originals.filter((d) => !stored.has(d.sha256) && (done || !held.has(d.id)));
  check(
    done
      ? 'every draft backed up exactly once'
      : 'nothing lost (backed up, still a draft, or open in the journal)',
    missing.length === 0 && [...stored.values()].every((n) => n === 1) && entries.length <= originals.length,
    `${missing.length} missing, ${[...stored.values()].filter((n) => n > 1).length} stored twice, ${entries.length} entries for ${originals.length} drafts`,
  );
  const perDraft = new Map();
  for (const p of phone.posts) perDraft.set(p.fromDraft, (perDraft.get(p.fromDraft) ?? 0) + 1);
  const twice = [...perDraft]
    .filter(([, n]) => n > 1)
    .map(([id]) => originals.find((d) => d.id === id)?.caption ?? id);
  check('no duplicate post', twice.length === 0, `posted more than once: ${twice.join(', ')}`);
  const stray = files.filter((f) => !f.endsWith('.mp4') && !BOOKKEEPING.has(f));
  const shas = videos.map((f) => sha256(join(folder, f)));
  check(
    'no duplicate or partial file',
    stray.length === 0 && new Set(shas).size === shas.length,
    `stray: ${stray.join(', ') || 'none'}; ${shas.length - new Set(shas).size} duplicate videos`,
  );
  const byFile = new Map(entries.map((e) => [e.file, e]));
  const bad = videos.filter((f, i) => byFile.get(f)?.sha256 !== shas[i]);
  const absent = entries.filter((e) => !videos.includes(e.file)).map((e) => e.file);
  check(
    'manifest equal to the files',
    bad.length === 0 && absent.length === 0,
    `not in the manifest or different: ${bad.join(', ') || 'none'}; in the manifest, no file: ${absent.join(', ') || 'none'}`,
  );
  const pub = phone.posts.filter((p) => p.privacy !== 'only_you');
  check(
    'zero public posts',
    pub.length === 0,
    `${pub.length}: ${pub.map((p) => `${p.caption} (${p.privacy})`).join(', ')}`,
  );
  if (done) check('journal: nothing pending', pending.length === 0, `pending: ${pending.join(', ')}`);
  // A server's child exits when its parent's channel closes: give it a moment.
  const started = [...pids, ...appiumPids(home).map((x) => x.pid)];
  const end = Date.now() + 5000;
  while (started.some(alive) && Date.now() < end)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  const left = started.filter(alive);
  check('no process left running', left.length === 0, `alive: ${left.join(', ')}`);
  return checks;
}

/** The drafts of a phone as the soak remembers them. */
export function originalsOf(phone) {
  return phone.drafts.map((d) => ({ id: d.id, sha256: d.sha256, caption: d.caption }));
}

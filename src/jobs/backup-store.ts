import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DraftvaultError } from '../errors.js';
import { problemsOf } from '../validation.js';
import { removeInside } from './folders.js';
import { writePrivate } from './sinks.js';
import { checkVideoFile } from './video-check.js';

const entrySchema = z.object({
  n: z.number().int().min(1),
  marker: z.string(),
  caption: z.string(),
  file: z.string(),
  size: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  durationMs: z.number().min(1),
  remotePath: z.string(),
  via: z.enum(['save-to-device', 'save-video']),
  storedAt: z.string(),
  device: z.string(),
  appVersion: z.string().optional(),
});
const manifestSchema = z.object({ version: z.literal(1), device: z.string(), entries: z.array(entrySchema) });

/** write-file-atomic's temp name for the manifest: `manifest.json.` and a 32-bit number. */
const STRAY_MANIFEST = /^manifest\.json\.\d+$/;

/** One backed-up draft. */
export type ManifestEntry = z.infer<typeof entrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;

/** A readable, safe file name: `007-beach-day-dvk3x9a1.mp4`. */
export function fileName(n: number, caption: string, marker: string): string {
  const slug =
    caption
      .replace(marker, '')
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-')
      .slice(0, 40)
      .replace(/-+$/, '') || 'draft';
  return `${String(n).padStart(3, '0')}-${slug}-${marker.replace(/^#/, '')}.mp4`;
}

/** The backup folder of one device. */
export class BackupStore {
  readonly manifestPath: string;
  manifest: Manifest;

  /**
   * Open an existing backup folder (create it first with `privateFolder`): checks that it is
   * writable and its manifest readable.
   */
  constructor(
    readonly dir: string,
    device: string,
  ) {
    try {
      accessSync(dir, constants.W_OK);
    } catch (cause) {
      throw new DraftvaultError('E_CONFIG', `cannot write to the backup folder ${dir}`, {
        hint: 'choose a folder you can write to with --out',
        cause,
      });
    }
    this.manifestPath = join(dir, 'manifest.json');
    this.manifest = BackupStore.readManifest(this.manifestPath) ?? { version: 1, device, entries: [] };
  }

  /** Read and check a manifest without touching anything; undefined when there is none. */
  static readManifest(path: string): Manifest | undefined {
    if (!existsSync(path)) return undefined;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (cause) {
      throw new DraftvaultError('E_CONFIG', `the manifest ${path} is not valid JSON`, {
        hint: 'restore it from a copy; `draftvault verify` checks files against it',
        cause,
      });
    }
    const res = manifestSchema.safeParse(raw);
    if (!res.success) {
      const p = problemsOf(res.error, raw)[0]!;
      throw new DraftvaultError(
        'E_CONFIG',
        `the manifest ${path} is damaged: ${p.path.join('.')} ${p.message}`,
        {
          hint: 'restore it from a copy',
        },
      );
    }
    return res.data;
  }

  /** The entry for a marker, or for the same video bytes. */
  findEntry(by: { marker?: string; sha256?: string }): ManifestEntry | undefined {
    return this.manifest.entries.find((e) => e.marker === by.marker || e.sha256 === by.sha256);
  }

  /** Where a pulled video waits until it is verified (same folder: the rename is atomic). */
  partialPath(marker: string): string {
    return join(this.dir, `.${marker.replace(/^#/, '')}.mp4.partial`);
  }

  /**
   * Verify a pulled file on disk (sha256 streamed, MP4 parsed in chunks: memory stays flat for
   * large videos) and store it under its readable name with an atomic rename.
   */
  async storeFile(
    partial: string,
    meta: Omit<ManifestEntry, 'n' | 'file' | 'size' | 'sha256' | 'durationMs' | 'storedAt'>,
  ): Promise<ManifestEntry> {
    const { ok, size, sha256, durationMs, problem } = await checkVideoFile(partial);
    if (!ok) {
      removeInside(this.dir, partial);
      throw new DraftvaultError('E_STEP_FAILED', `the pulled video is unusable: ${problem}`, {
        hint: 'run the backup again: the draft is posted privately and its video is pulled again',
      });
    }
    const same = this.findEntry({ sha256 }) ?? this.findEntry({ marker: meta.marker });
    if (same) {
      removeInside(this.dir, partial);
      return same;
    }
    const n = Math.max(0, ...this.manifest.entries.map((e) => e.n)) + 1;
    const file = fileName(n, meta.caption, meta.marker);
    // adb pull creates files with the default umask: backups are private whatever wrote them.
    chmodSync(partial, 0o600);
    renameSync(partial, join(this.dir, file));
    const entry: ManifestEntry = {
      ...meta,
      n,
      file,
      size,
      sha256,
      durationMs,
      storedAt: new Date().toISOString(),
    };
    this.manifest.entries.push(entry);
    await this.saveManifest();
    return entry;
  }

  async saveManifest(): Promise<void> {
    await writePrivate(this.manifestPath, `${JSON.stringify(this.manifest, null, 2)}\n`);
  }

  /** Re-check one stored file against its manifest entry (streamed: memory stays flat). */
  async verifyEntry(entry: ManifestEntry): Promise<{ entry: ManifestEntry; ok: boolean; problem?: string }> {
    const path = join(this.dir, entry.file);
    const c = await checkVideoFile(path);
    if (c.problem === 'the file is missing') return { entry, ok: false, problem: c.problem };
    if (c.size !== entry.size)
      return { entry, ok: false, problem: `size ${c.size}, manifest says ${entry.size}` };
    if (!c.ok) return { entry, ok: false, problem: c.problem };
    if (c.sha256 !== entry.sha256) return { entry, ok: false, problem: 'sha256 differs from the manifest' };
    const mode = statSync(path).mode & 0o777;
    return {
      entry,
      ok: true,
      problem: mode & 0o077 ? `permissions ${mode.toString(8)} (expected 600)` : undefined,
    };
  }

  /** Re-check every file against the manifest. */
  async verifyAll(): Promise<{ entry: ManifestEntry; ok: boolean; problem?: string }[]> {
    const out = [];
    for (const entry of this.manifest.entries) out.push(await this.verifyEntry(entry));
    return out;
  }

  /**
   * Remove leftovers of an interrupted write (never a stored video): pulls not yet verified, and
   * the temp file of a manifest write killed before its rename (`manifest.json.<n>`, named by
   * write-file-atomic). Only files of this folder, only those two patterns.
   */
  cleanPartials(): void {
    for (const f of readdirSync(this.dir)) {
      if (f.endsWith('.partial') || STRAY_MANIFEST.test(f)) removeInside(this.dir, join(this.dir, f));
    }
  }
}

/**
 * The backup job, assembled: everything that can be checked is checked first (capabilities,
 * flows, the backup folder, its manifest and journal) with no side effect; then the device is
 * locked, the folder made private and locked, preflight says the phone is ready, and the batch
 * runs on one device session. Every run past the device lock leaves a report.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { adapterFor } from '../drivers/index.js';
import type { DeviceRef } from '../drivers/types.js';
import { DraftvaultError } from '../errors.js';
import { type BackupReport, runBackup } from './backup.js';
import { BackupStore } from './backup-store.js';
import { type JobFlows, loadJobFlows } from './flow-kit.js';
import { checkWritableFolder, privateFolder } from './folders.js';
import { inJobSession, type JobOptions } from './job-session.js';
import { Journal } from './journal.js';
import { lockFolder } from './lock.js';
import { type PreflightCheck, spaceNeeds } from './preflight.js';
import { checkCapabilities } from './prepare.js';
import { type Unattended, unattended } from './unattended.js';

/** What the backup job needs. */
export interface BackupJobOptions extends JobOptions {
  /** The backup root; the device's folder is inside it. */
  outRoot: string;
  flowsDir: string;
  limit?: number;
  dryRun?: boolean;
  cleanupDevice?: boolean;
  deletePrivatePost?: boolean;
  /** After each verified backup, the video back as a new draft with its caption. */
  keepDrafts?: boolean;
  /** Test hook (crash points). */
  crashPoint?: (name: string) => void;
  /** Told what the job changed on its own (e.g. permissions tightened to 0700). */
  notice?: (message: string) => void;
  /** Told where the run's HTML report was written, and whether the run failed. */
  onReport?: (htmlPath: string, failed: boolean) => void;
}

/** The job's outcome. */
export interface BackupJobResult {
  report: BackupReport;
  folder: string;
  runDir: string;
  /** The run's report folder (report.html, report.json, junit.xml). */
  reportDir: string;
  preflight: PreflightCheck[];
}

/** The backup folder of a device inside the backup root. */
export function deviceFolder(outRoot: string, device: DeviceRef): string {
  return join(outRoot, device.id ?? device.kind);
}

/** A backup whose inputs passed every check: nothing has started yet. */
export interface CheckedBackup {
  capabilities: Record<string, unknown>;
  flows: JobFlows;
  folder: string;
  job: string;
  needs: ReturnType<typeof spaceNeeds>;
}

/**
 * Check everything a backup needs with no side effect (capabilities, flows, the folder, its
 * manifest and journal): bad input leaves no folder, no server, no session.
 */
export async function checkBackup(o: BackupJobOptions): Promise<CheckedBackup> {
  const noCleanup = adapterFor(o.device.kind).media(o.device).noCleanup;
  if (o.cleanupDevice && noCleanup)
    throw new DraftvaultError('E_CONFIG', '--cleanup-device is not available on this device', {
      hint: `${noCleanup}: leave the option out`,
    });
  const capabilities = await checkCapabilities(o.device, o.capabilities);
  const flows = loadJobFlows(o.flowsDir, {
    maxBytes: o.config.limits.yamlFileBytes,
    deviceRoots: o.config.deviceRoots,
  });
  checkWritableFolder(o.outRoot, '--out');
  const folder = checkWritableFolder(deviceFolder(o.outRoot, o.device), '--out');
  const journalPath = join(folder, 'journal.jsonl');
  const manifest = BackupStore.readManifest(join(folder, 'manifest.json'));
  if (existsSync(journalPath)) Journal.open(journalPath, 'check');
  o.signal.throwIfAborted();
  const needs = spaceNeeds({
    ...o,
    largestBackedUp: Math.max(0, ...(manifest?.entries ?? []).map((e) => e.size)),
  });
  return { capabilities, flows, folder, job: o.dryRun ? 'backup (dry run)' : 'backup', needs };
}

/** Run a checked backup: the device locked, preflight, a report whatever happens (unattended.ts). */
export function runCheckedBackup(o: BackupJobOptions, c: CheckedBackup): Promise<BackupJobResult> {
  return unattended({ ...o, job: c.job, folder: c.folder, needs: c.needs }, (u) => lockedBackup(o, u, c));
}

/** Run the backup job. */
export async function backupJob(o: BackupJobOptions): Promise<BackupJobResult> {
  return runCheckedBackup(o, await checkBackup(o));
}

/** The backup once its device is locked: the folder private and locked, preflight, the batch. */
async function lockedBackup(
  o: BackupJobOptions,
  u: Unattended,
  { capabilities, flows, folder, job }: CheckedBackup,
): Promise<Omit<BackupJobResult, 'reportDir' | 'preflight'>> {
  const journalPath = join(folder, 'journal.jsonl');
  for (const t of privateFolder(folder)) o.notice?.(`tightened permissions: ${t}`);
  const unlock = await lockFolder(folder, `backup of ${o.device.kind}:${o.device.id ?? ''}`);
  try {
    await u.beforeSession();
    const store = new BackupStore(folder, o.device.id ?? o.device.kind);
    store.cleanPartials();
    const { value, runDir } = await inJobSession<BackupReport, Journal>(
      { ...o, capabilities, reporter: u.reporter(o.reporter) },
      'backup',
      async (s, journal) => {
        await u.onSession(s.d, flows);
        return runBackup({
          ctx: {
            d: s.d,
            kit: s.kit(flows),
            journal,
            store,
            reporter: s.reporter,
            runDir: s.runDir,
            cleanupDevice: !!o.cleanupDevice,
            deletePrivatePost: !!o.deletePrivatePost,
            keepDrafts: !!o.keepDrafts,
            crashPoint: o.crashPoint ?? (() => {}),
            signal: o.signal,
          },
          limit: o.limit,
          dryRun: o.dryRun,
          signal: o.signal,
        });
      },
      ({ runDir, reporter }) => {
        reporter.emit({
          type: 'jobStarted',
          job,
          device: `${o.device.kind}:${o.device.id ?? ''}`,
          folder,
        });
        return Journal.open(journalPath, runDir);
      },
    );
    return { report: value, folder, runDir };
  } finally {
    await unlock();
  }
}

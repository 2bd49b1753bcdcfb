/**
 * The backup job, assembled: everything that can be checked is checked first (capabilities,
 * flows, the backup folder, its manifest and journal) with no side effect; then the folder is
 * made private and locked, and the batch runs on one device session.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceRef } from '../drivers/types.js';
import { type BackupReport, runBackup } from './backup.js';
import { BackupStore } from './backup-store.js';
import { loadJobFlows } from './flow-kit.js';
import { checkWritableFolder, privateFolder } from './folders.js';
import { inJobSession, type JobOptions } from './job-session.js';
import { Journal } from './journal.js';
import { lockFolder } from './lock.js';
import { checkCapabilities } from './prepare.js';

/** What the backup job needs. */
export interface BackupJobOptions extends JobOptions {
  /** The backup root; the device's folder is inside it. */
  outRoot: string;
  flowsDir: string;
  limit?: number;
  dryRun?: boolean;
  cleanupDevice?: boolean;
  deletePrivatePost?: boolean;
  /** Test hook (crash points). */
  crashPoint?: (name: string) => void;
  /** Told what the job changed on its own (e.g. permissions tightened to 0700). */
  notice?: (message: string) => void;
}

/** The job's outcome. */
export interface BackupJobResult {
  report: BackupReport;
  folder: string;
  runDir: string;
}

/** The backup folder of a device inside the backup root. */
export function deviceFolder(outRoot: string, device: DeviceRef): string {
  return join(outRoot, device.id ?? device.kind);
}

/** Run the backup job. */
export async function backupJob(o: BackupJobOptions): Promise<BackupJobResult> {
  // 1. Checks, no side effects: a bad input leaves no folder, no server, no session.
  const capabilities = await checkCapabilities(o.device, o.capabilities);
  const flows = loadJobFlows(o.flowsDir, {
    maxBytes: o.config.limits.yamlFileBytes,
    deviceRoots: o.config.deviceRoots,
  });
  checkWritableFolder(o.outRoot, '--out');
  const folder = checkWritableFolder(deviceFolder(o.outRoot, o.device), '--out');
  const journalPath = join(folder, 'journal.jsonl');
  BackupStore.readManifest(join(folder, 'manifest.json'));
  if (existsSync(journalPath)) Journal.open(journalPath, 'check');
  o.signal.throwIfAborted();

  // 2. The folder: private, locked for this run.
  for (const t of privateFolder(folder)) o.notice?.(`tightened permissions: ${t}`);
  const unlock = await lockFolder(folder, `backup of ${o.device.kind}:${o.device.id ?? ''}`);
  try {
    const store = new BackupStore(folder, o.device.id ?? o.device.kind);
    store.cleanPartials();
    const { value, runDir } = await inJobSession<BackupReport, Journal>(
      { ...o, capabilities },
      'backup',
      (s, journal) =>
        runBackup({
          ctx: {
            d: s.d,
            kit: s.kit(flows),
            journal,
            store,
            reporter: s.reporter,
            runDir: s.runDir,
            cleanupDevice: !!o.cleanupDevice,
            deletePrivatePost: !!o.deletePrivatePost,
            crashPoint: o.crashPoint ?? (() => {}),
            signal: o.signal,
          },
          limit: o.limit,
          dryRun: o.dryRun,
          signal: o.signal,
        }),
      ({ runDir, reporter }) => {
        reporter.emit({
          type: 'jobStarted',
          job: o.dryRun ? 'backup (dry run)' : 'backup',
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

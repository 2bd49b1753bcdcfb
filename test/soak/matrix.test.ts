/**
 * The faults of the simulated phone that no job test runs a whole backup under, and the backup
 * disk filling up, alone, on one seed (`npm run soak` runs every fault, read from the simulator's
 * own schema, on three seeds and in pairs): each run ends backed up, or stops with a message and
 * a journal the next run finishes from; nothing lost or public.
 */
import { simFaultsSchema } from 'draftvault-sim-driver/api';
import { describe, expect, it } from 'vitest';
import { allFaults, cells } from '../../soak/faults.mjs';
import { runMatrix, tmpfsWorks } from '../../soak/matrix.mjs';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

/**
 * The rest have a job test of their own (test/jobs: backup has popupRate, uploadFailures,
 * crashOnPost, unknownPopup; safety privacyNotStick; interrupt slowUploadFactor; fleet
 * vanishAfterPosts; preflight notInstalled and appVersion; vanishAtCommand is a command count,
 * the same fault as disconnectAtCommand at the protocol): the suite's budget goes to these.
 */
const SHORT = [
  'crashAtCommand',
  'invisibleOverlay',
  'duplicateNext',
  'disconnectAtCommand',
  'storageFull',
  'backupDiskFull',
];

describe('soak: fault matrix, faults alone (short)', { timeout: 300_000 }, () => {
  it('the matrix covers every fault the simulator declares, and the full disk', () => {
    const names = allFaults().map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining([...Object.keys(simFaultsSchema.shape), 'backupDiskFull']));
    expect(allFaults().filter((f) => f.unsupported)).toEqual([]);
  });

  it('the faults no job test covers, alone: backed up or stopped cleanly and resumed; nothing lost, nothing public', async () => {
    const work = tmp();
    const tmpfs = tmpfsWorks(`${work}/probe`);
    const rows = await runMatrix({
      work,
      cells: cells(
        allFaults().filter((f) => SHORT.includes(f.name)),
        { pairs: false },
      ),
      seeds: [7],
      drafts: 1,
      tmpfs,
    });
    expect(rows.map((r) => r.cell).sort()).toEqual([...SHORT].sort());
    for (const r of rows) {
      if (!tmpfs && r.cell === 'backupDiskFull') continue; // said so in the row: needs root
      expect(r.outcome, `${r.cell}: ${r.failed.join('; ')}`).toMatch(
        /^(backed up|stopped \(exit [13], E_[A-Z_]+\), next run resumed)/,
      );
      expect({ cell: r.cell, lost: r.lost, public: r.public }).toEqual({ cell: r.cell, lost: 0, public: 0 });
    }
  });
});

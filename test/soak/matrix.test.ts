/**
 * Every fault of the simulated phone (read from its own schema) and the backup disk filling up,
 * alone, on one seed (`npm run soak` runs them on three seeds and in pairs): each run ends backed
 * up, or stops with a message and a journal the next run finishes from; nothing lost or public.
 */
import { simFaultsSchema } from 'draftvault-sim-driver/api';
import { describe, expect, it } from 'vitest';
import { allFaults, cells } from '../../soak/faults.mjs';
import { runMatrix, tmpfsWorks } from '../../soak/matrix.mjs';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

describe('soak: fault matrix, each fault alone (short)', { timeout: 300_000 }, () => {
  it('the matrix covers every fault the simulator declares, and the full disk', () => {
    const names = allFaults().map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining([...Object.keys(simFaultsSchema.shape), 'backupDiskFull']));
    expect(allFaults().filter((f) => f.unsupported)).toEqual([]);
  });

  it('every fault alone: backed up or stopped cleanly and resumed; nothing lost, nothing public', async () => {
    const work = tmp();
    const tmpfs = tmpfsWorks(`${work}/probe`);
    const rows = await runMatrix({
      work,
      cells: cells(allFaults(), { pairs: false }),
      seeds: [7],
      drafts: 1,
      tmpfs,
    });
    for (const r of rows) {
      if (!tmpfs && r.cell === 'backupDiskFull') continue; // said so in the row: needs root
      expect(r.outcome, `${r.cell}: ${r.failed.join('; ')}`).toMatch(
        /^(backed up|stopped \(exit [13], E_[A-Z_]+\), next run resumed)/,
      );
      expect({ cell: r.cell, lost: r.lost, public: r.public }).toEqual({ cell: r.cell, lost: 0, public: 0 });
    }
  });
});

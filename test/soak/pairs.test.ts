/** A seeded handful of fault pairs (all pairs on three seeds: `npm run soak`). */
import { describe, expect, it } from 'vitest';
import { allFaults, cells } from '../../soak/faults.mjs';
import { runMatrix, tmpfsWorks } from '../../soak/matrix.mjs';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();
const SEED = 3;

describe('soak: fault pairs (short)', { timeout: 300_000 }, () => {
  it('pairs of faults: backed up or stopped cleanly and resumed; nothing lost, nothing public', async () => {
    const work = tmp();
    const tmpfs = tmpfsWorks(`${work}/probe`);
    const pairs = cells(allFaults()).filter((c) => c.length === 2);
    // Always the phone vanishing with the disk full, and a seeded few more.
    const pick = pairs.filter(
      (c, i) => i % 100 === SEED || c.map((f) => f.name).join('+') === 'disconnectAtCommand+backupDiskFull',
    );
    const rows = await runMatrix({ work, cells: pick, seeds: [SEED], drafts: 1, tmpfs });
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows) {
      if (!tmpfs && r.cell.includes('backupDiskFull')) continue;
      expect(r.outcome, `${r.cell}: ${r.failed.join('; ')}`).toMatch(
        /^(backed up|stopped \(exit [13], E_[A-Z_]+\), next run resumed)/,
      );
      expect({ cell: r.cell, lost: r.lost, public: r.public }).toEqual({ cell: r.cell, lost: 0, public: 0 });
    }
  });
});

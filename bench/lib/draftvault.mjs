/**
 * draftvault's side of the comparison: the backup job itself (flows, gate, journal, verified
 * files), in this process, against the benchmark's server (`appiumUrl`: nothing else started).
 */
import { loadConfig } from '../../dist/config/config.js';
import { backupJob } from '../../dist/jobs/backup-job.js';

const quiet = () => ({ emit() {} });

/** Back up every draft of the simulated phone `phone` into `outRoot` (`reporter`: the job's, per run folder). */
export async function draftvaultBackup({ url, phone, caps, outRoot, home, flowsDir, reporter = quiet }) {
  const ac = new AbortController();
  const res = await backupJob({
    device: { kind: 'sim', id: phone, platform: 'android' },
    appiumUrl: url,
    capabilities: caps,
    home,
    config: loadConfig(process.env, process.cwd()),
    env: process.env,
    signal: ac.signal,
    reporter,
    outRoot,
    flowsDir,
  });
  return res;
}

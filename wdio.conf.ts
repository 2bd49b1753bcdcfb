/**
 * The WebdriverIO testrunner on phones: `npm run test:device` runs the side-effect-free smoke
 * suite (test/smoke/: the check-ui walk, one test per screen) through @wdio/appium-service,
 * which starts this project's own Appium (its drivers are this package's dependencies).
 *
 * Which phones, by environment (one worker each):
 * - nothing: the simulated phone `wdio-smoke`, made fresh with 2 drafts for the run;
 * - `DEVICE=sim UDID=a,b`: these simulated phones, as they are;
 * - `DEVICE=android UDID=R58M123ABC[,...]` (or `DEVICE=ios UDID=...`): real phones, TikTok as
 *   it is on them (the walk posts, deletes and saves nothing).
 * Reports: the spec reporter on the terminal, JUnit XML in test-artifacts/wdio/ (or $WDIO_OUT/wdio/).
 */
import { join } from 'node:path';
import { adapterFor, parseDeviceRef } from './src/drivers/index.js';
import { simCapabilities } from './src/drivers/sim-adapter/index.js';

const ROOT = import.meta.dirname;
// Reports and logs: test-artifacts/wdio/, or WDIO_OUT/wdio/ (the vitest run of this suite).
const OUT = join(process.env.WDIO_OUT || join(ROOT, 'test-artifacts'), 'wdio');
// The Appium the service starts finds draftvault's drivers where the embedded server does.
process.env.APPIUM_HOME = ROOT;

const kind = process.env.DEVICE || 'sim';
const ids = (process.env.UDID ?? '').split(',').filter(Boolean);

/** One capability set per phone: the device adapter's own, with session ports of its own. */
function phones(): WebdriverIO.Capabilities[] {
  if (kind === 'sim' && !ids.length)
    return [simCapabilities(parseDeviceRef('sim:wdio-smoke'), { simReset: true, simDrafts: 2 })];
  const refs = (ids.length ? ids : ['']).map((id) => parseDeviceRef(id ? `${kind}:${id}` : kind));
  return refs.map((ref, slot) => {
    const adapter = adapterFor(ref.kind);
    return adapter.capabilities(ref, refs.length > 1 ? adapter.sessionPorts(slot) : {});
  }) as WebdriverIO.Capabilities[];
}

const capabilities = phones();

export const config: WebdriverIO.Config = {
  runner: 'local',
  specs: ['./test/smoke/**/*.spec.ts'],
  // One worker per phone, all at once.
  maxInstances: capabilities.length,
  capabilities,
  logLevel: 'warn',
  outputDir: join(OUT, 'logs'),
  // Retries belong to draftvault's steps, where it is known what is safe to repeat.
  connectionRetryCount: 0,
  connectionRetryTimeout: 120_000,
  services: [
    [
      'appium',
      {
        logPath: OUT,
        args: {
          address: '127.0.0.1',
          // The simulated phone lists folders through `mobile: shell`, like a phone through adb.
          allowInsecure: 'draftvaultsim:adb_shell',
        },
      },
    ],
  ],
  framework: 'mocha',
  mochaOpts: { ui: 'bdd', timeout: 180_000 },
  reporters: ['spec', ['junit', { outputDir: OUT, outputFileFormat: (o) => `smoke-${o.cid}.xml` }]],
};

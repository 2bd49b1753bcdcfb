/**
 * Simulated-phone sessions for integration tests: the real embedded Appium server and the real
 * WebdriverIO client (draftvault's openSession), exactly the path a real phone takes. One server
 * per test file.
 */
import { join } from 'node:path';
import { toWireCaps } from 'draftvault-sim-driver/api';
import { parseAppiumUrl } from '../../src/appium/endpoint.js';
import { startAppium } from '../../src/appium/server.js';
import { closeSession } from '../../src/appium/session.js';
import { openDeviceSession } from '../../src/drivers/index.js';
import { useSimHarness } from '../../src/drivers/sim/test/support/sim.js';

// Walking the simulated app (texts per locale, selectors, launch, to the post screen) and the
// session harness are the simulator package's own test support; draftvault's tests use the same.
export {
  by,
  launchAndDismiss,
  simState,
  tap,
  toPostScreen,
  UI,
} from '../../src/drivers/sim/test/support/walk.js';

/**
 * The simulator's test harness on draftvault's embedded server and its `openSession`. The product
 * lists saved videos with `mobile: shell ls`, which needs the driver-prefixed insecure feature:
 * allowed unless a test passes other `allowInsecure`.
 */
export function useSimServer(allowInsecure: string[] = ['draftvaultsim:adb_shell']) {
  return useSimHarness({
    start: (dir) => startAppium({ logFile: join(dir, 'appium.log'), allowInsecure }),
    open: (url, device, caps, extra, platform) =>
      openDeviceSession({
        endpoint: parseAppiumUrl(url),
        device: { kind: 'sim', id: device, platform },
        capabilities: { ...toWireCaps(caps), ...extra },
      }),
    close: closeSession,
  });
}

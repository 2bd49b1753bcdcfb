/**
 * WebdriverIO testrunner config for the device smoke suite.
 *
 * Placeholder: the "many phones / WebdriverIO testrunner" issue fills this in (one worker per
 * device, the embedded Appium as the service). Until then the smoke checks run under vitest
 * (`npm test`), through the same embedded Appium and WebdriverIO client.
 */
export const config = {
  runner: 'local',
  specs: ['./test/smoke/**/*.spec.ts'],
  maxInstances: 1,
  capabilities: [],
};

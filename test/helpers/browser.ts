/**
 * A real headless browser for page tests: Debian's Chromium through playwright-core
 * (scripts/ensure-browser.mjs installs it before `npm test`). Without it the page tests skip,
 * and say so.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** `DV_TEST_CHROMIUM` points elsewhere (e.g. at nothing, to see the page tests skip). */
export const CHROMIUM = process.env.DV_TEST_CHROMIUM ?? '/usr/bin/chromium';
/** Is the browser there? (Page tests use `describe.skipIf(!hasBrowser)`.) */
export const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser)
  console.warn(`browser tests SKIPPED: ${CHROMIUM} is missing (see scripts/ensure-browser.mjs)`);

/** Launch headless Chromium with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

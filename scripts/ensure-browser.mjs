#!/usr/bin/env node
// The web pages (inspect --web, the HTML run report) are tested in a real headless browser:
// Debian's Chromium, driven by playwright-core (whose own browser download cannot work here).
// `npm test` runs this first: when /usr/bin/chromium is missing and we may install packages, it
// installs it with apt-get; otherwise it says loudly that the browser tests will be skipped.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (existsSync(CHROMIUM) || process.env.DRAFTVAULT_NO_BROWSER_INSTALL) process.exit(0);
const root = typeof process.getuid === 'function' && process.getuid() === 0;
if (!root || !existsSync('/usr/bin/apt-get')) {
  console.warn(
    `ensure-browser: ${CHROMIUM} is missing and apt-get cannot run here; browser tests will be SKIPPED`,
  );
  process.exit(0);
}
const apt = (args) =>
  execFileSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
console.log('ensure-browser: installing Debian chromium for the browser tests (apt-get install chromium)...');
try {
  apt(['install', '-y', '--no-install-recommends', 'chromium']);
} catch {
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', 'chromium']);
}
console.log(
  `ensure-browser: ${existsSync(CHROMIUM) ? 'installed' : 'NOT installed; browser tests will be SKIPPED'}`,
);

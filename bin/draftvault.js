#!/usr/bin/env node
// The CLI is TypeScript compiled to dist/ by `npm run build` (run by `npm ci` through "prepare").
// A device command starts loading the embedded Appium in a child first (see src/cli/warm.ts).
import { prewarmFor } from '../dist/cli/warm.js';

prewarmFor(process.argv.slice(2));
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));

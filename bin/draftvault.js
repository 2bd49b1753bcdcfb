#!/usr/bin/env node
// The CLI is TypeScript compiled to dist/ by `npm run build` (run by `npm ci` through "prepare").
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));

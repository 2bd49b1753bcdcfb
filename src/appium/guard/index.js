// Appium imports this file through node_modules/draftvault-appium-guard (a link to this folder).
// The plugin is TypeScript (src/appium/guard/plugin.ts), compiled by the project's build.
export { GuardPlugin } from '../../../dist/appium/guard/plugin.js';

// Appium imports this file through node_modules/draftvault-sim-driver (a symlink to this folder).
// The driver itself is TypeScript, compiled by the project's build into dist/.
export { SimDriver } from '../../../dist/drivers/sim/driver/driver.js';

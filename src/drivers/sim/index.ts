/**
 * draftvault's simulated TikTok phone: the Appium 3 driver Appium loads (`mainClass` SimDriver,
 * automationName DraftvaultSim) and the public API for preparing and inspecting simulated phones.
 */
export * from './api.js';
export { SimDriver } from './driver/driver.js';

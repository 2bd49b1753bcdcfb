/**
 * What every device kind (android, ios, sim) provides to the layers above.
 * Only adapters know Appium capability names and driver error texts.
 */
import type { DraftvaultError } from '../errors.js';

/** Device kinds draftvault can drive. */
export type DeviceKind = 'android' | 'ios' | 'sim';

/** A device as the user named it (`--device`). */
export interface DeviceRef {
  kind: DeviceKind;
  /** Real device udid/serial, or the simulated phone's name. Undefined = the only one attached. */
  id?: string;
  /** For `sim`: the platform the simulated phone plays. */
  platform: 'android' | 'ios';
}

/** A device adapter: one per device kind. */
export interface DeviceAdapter {
  readonly kind: DeviceKind;
  /** W3C capabilities that open a session on this device. */
  capabilities(device: DeviceRef, extra?: Record<string, unknown>): Record<string, unknown>;
  /** Turn a session-creation failure into an error that names the device and the fix. */
  explainSessionError(err: Error, device: DeviceRef): DraftvaultError | undefined;
}

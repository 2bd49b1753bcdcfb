/** Checks every job makes before anything starts (bad input: exit 2, no side effects). */
import { adapterFor } from '../drivers/index.js';
import type { DeviceRef } from '../drivers/types.js';

/**
 * Check the capabilities a session on `device` would get (the adapter's own plus `extra`) against
 * the driver's declared constraints and draftvault's refusals. Returns `extra` for the session.
 */
export async function checkCapabilities(
  device: DeviceRef,
  extra: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const adapter = adapterFor(device.kind);
  await adapter.validateCapabilities(adapter.capabilities(device, extra), device);
  return extra;
}

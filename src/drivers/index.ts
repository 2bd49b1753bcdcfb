/** Device references (`--device`) and the adapter for each device kind. */
import type { AppiumEndpoint } from '../appium/endpoint.js';
import { openSession, type Session } from '../appium/session.js';
import { androidAdapter } from './android/index.js';
import { iosAdapter } from './ios/index.js';
import { simAdapter } from './sim-adapter/index.js';
import type { DeviceAdapter, DeviceKind, DeviceRef } from './types.js';

const ADAPTERS: Record<DeviceKind, DeviceAdapter> = {
  android: androidAdapter,
  ios: iosAdapter,
  sim: simAdapter,
};

/** The adapter for a device kind. */
export function adapterFor(kind: DeviceKind): DeviceAdapter {
  return ADAPTERS[kind];
}

/** Open a WebdriverIO session on `device`: the adapter's capabilities and error translation. */
export function openDeviceSession(o: {
  endpoint: AppiumEndpoint;
  device: DeviceRef;
  /** Extra capabilities on top of the adapter's. */
  capabilities?: Record<string, unknown>;
  token?: string;
  signal?: AbortSignal;
}): Promise<Session> {
  const adapter = adapterFor(o.device.kind);
  return openSession({
    endpoint: o.endpoint,
    capabilities: adapter.capabilities(o.device, o.capabilities),
    describe: o.device.id ? `${o.device.kind} device ${o.device.id}` : `the ${o.device.kind} device`,
    explain: (e) => adapter.explainSessionError(e, o.device),
    token: o.token,
    signal: o.signal,
  });
}

export { parseDeviceRef } from './device-ref.js';
export type { DeviceAdapter, DeviceKind, DeviceRef } from './types.js';

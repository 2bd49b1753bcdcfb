/** Is an Appium server up? `GET /status`, as Appium and Selenium Grid both answer it. */
import type { AppiumEndpoint } from './endpoint.js';

/** What `GET /status` said. */
export interface AppiumStatus {
  ok: boolean;
  detail: string;
}

/** Ask `endpoint` for its status (10 s at most; the signal aborts sooner). */
export async function appiumStatus(endpoint: AppiumEndpoint, signal: AbortSignal): Promise<AppiumStatus> {
  try {
    const res = await fetch(new URL('status', endpoint.href), {
      signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]),
    });
    const body = (await res.json().catch(() => ({}))) as { value?: { build?: { version?: string } } };
    const version = body.value?.build?.version;
    return {
      ok: res.ok,
      detail: `${endpoint.href} answered HTTP ${res.status}${version ? ` (Appium ${version})` : ''}`,
    };
  } catch (err) {
    signal.throwIfAborted();
    return { ok: false, detail: `${endpoint.href} does not answer (${(err as Error).message})` };
  }
}

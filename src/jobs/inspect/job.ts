/**
 * `draftvault inspect`: capture what the phone shows, list its elements with a selector for each
 * and the project's named selectors that find it; with `web`, keep a local page open on it
 * (with Refresh) until interrupted. It only reads the phone: no tap, no key, no file written there.
 */
import { join } from 'node:path';
import { loadScreenBook } from '../../flows/screens.js';
import { inJobSession, type JobOptions } from '../job-session.js';
import { checkCapabilities } from '../prepare.js';
import { type Capture, captureScreen } from './capture.js';
import { serveInspect } from './web.js';

/** What `inspect` needs. */
export interface InspectJobOptions extends JobOptions {
  flowsDir: string;
  web?: boolean;
  /** Told the page's address (with its token) once it is up. */
  onUrl?: (url: string) => void;
}

/** Run `inspect`; returns the captures made (one, or one per Refresh on the page). */
export async function inspectJob(o: InspectJobOptions): Promise<{ captures: Capture[]; runDir: string }> {
  const book = loadScreenBook(join(o.flowsDir, 'screens.yaml'), o.config.limits.yamlFileBytes);
  const capabilities = await checkCapabilities(o.device, o.capabilities);
  const captures: Capture[] = [];
  const { runDir } = await inJobSession({ ...o, capabilities }, 'inspect', async ({ d, runDir }) => {
    const capture = async () => {
      const c = await captureScreen(d, runDir, captures.length + 1, book.selectors, d.facts);
      captures.push(c);
      return c;
    };
    await capture();
    if (!o.web) return;
    const page = await serveInspect(() => captures.at(-1)!, capture);
    o.onUrl?.(page.url);
    try {
      await new Promise<void>((resolve) => {
        if (o.signal.aborted) resolve();
        o.signal.addEventListener('abort', () => resolve(), { once: true });
      });
    } finally {
      await page.close();
    }
  });
  return { captures, runDir };
}

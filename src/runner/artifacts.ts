/**
 * What a failed run leaves behind: a screenshot, the page source, the flow stack and the Appium
 * log tail in the run folder, and a not-found error explained on the failure screen.
 */
import { DraftvaultError } from '../errors.js';
import type { GatedDevice } from './device.js';
import { diagnose, diagnosisLines } from './diagnose.js';
import type { RunOptions, StackFrame } from './run-types.js';

/** Save what shows the failure; the page source comes back for the diagnosis. */
export async function saveFailureArtifacts(
  o: Pick<RunOptions, 'artifacts' | 'session' | 'reporter' | 'appiumLogTail'>,
  device: GatedDevice,
  e: DraftvaultError,
  stack: StackFrame[],
): Promise<{ files: string[]; source?: string }> {
  const files: string[] = [];
  let source: string | undefined;
  const tryIt = async (name: string, get: () => Promise<Buffer | string>) => {
    try {
      files.push(await o.artifacts.save(name, await get()));
    } catch {
      // The device may be gone; save what can be saved.
    }
  };
  await tryIt('failure-screenshot.png', () => device.screenshot());
  await tryIt('failure-page-source.xml', async () => {
    source = await o.session.getPageSource();
    return source;
  });
  await tryIt('failure-stack.json', async () => JSON.stringify({ error: e.toJSON(), stack }, null, 2));
  if (o.appiumLogTail) await tryIt('failure-appium-log.txt', o.appiumLogTail);
  o.reporter.emit({ type: 'artifacts', dir: o.artifacts.dir, files });
  return { files, source };
}

/** A not-found error with its diagnosis on the failure screen: counts, where to edit, near misses. */
export function explain(e: DraftvaultError, source: string, platform: 'android' | 'ios'): DraftvaultError {
  const d = diagnose(e, source, platform);
  if (!d) return e;
  return new DraftvaultError(e.code, e.message, {
    span: e.span,
    hint: diagnosisLines(d).join('\n  '),
    cause: e.cause,
    details: { ...e.details, diagnosis: d },
  });
}

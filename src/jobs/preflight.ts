/**
 * Preflight: before any TikTok step, is everything an unattended run needs in place? Each check
 * says what it saw and, when it is not ok, the fix. Computer-side checks (the backup disk, the
 * device's reachability, an external Appium) run before any session; the device-side ones
 * (preflight-device.ts) right after the session opens. Any failure stops the run (exit 3) with
 * every problem at once, before anything is posted.
 */
import { existsSync, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseAppiumUrl } from '../appium/endpoint.js';
import { appiumStatus } from '../appium/status.js';
import type { Config } from '../config/config.js';
import { adapterFor } from '../drivers/index.js';
import type { DeviceReach, DeviceRef } from '../drivers/types.js';
import { DraftvaultError } from '../errors.js';

/** One check's outcome. */
export interface PreflightCheck {
  name: 'device' | 'appium' | 'backup disk' | 'screen' | 'battery' | 'phone storage' | 'tiktok';
  status: 'ok' | 'warn' | 'fail' | 'skipped';
  detail: string;
  fix?: string;
}

/** How much room the run needs, on the computer and on the phone. */
export interface SpaceNeeds {
  videos: number;
  perVideo: number;
  hostBytes: number;
  phoneBytes: number;
}

/** What the preflight needs to know about the run. */
export interface PreflightContext {
  device: DeviceRef;
  appiumUrl?: string;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  config: Config;
  needs: SpaceNeeds;
  /** Where the config's thresholds can be changed (named in fixes). */
  configName: string;
}

/** The folder itself, or its nearest existing parent (a first run's folder does not exist yet). */
function nearestExisting(path: string): string {
  let at = resolve(path);
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
}

/** `1.5 GiB`. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/**
 * The room a run needs: `--limit` videos (else `preflight.expectedVideos`), each as large as
 * `preflight.videoBytes` or the largest already backed up. A dry run stores nothing; with
 * `--cleanup-device` the phone holds one saved video at a time.
 */
export function spaceNeeds(o: {
  config: Config;
  limit?: number;
  dryRun?: boolean;
  cleanupDevice?: boolean;
  largestBackedUp?: number;
}): SpaceNeeds {
  const videos = o.dryRun ? 0 : (o.limit ?? o.config.preflight.expectedVideos);
  const perVideo = Math.max(o.config.preflight.videoBytes, o.largestBackedUp ?? 0);
  return {
    videos,
    perVideo,
    hostBytes: videos * perVideo,
    phoneBytes: Math.min(videos, o.cleanupDevice ? 1 : videos) * perVideo,
  };
}

/** The adapter's reachability, as a check (and the id of the phone it found). */
export async function reachDevice(
  c: PreflightContext,
): Promise<{ check: PreflightCheck; reach: DeviceReach }> {
  const reach = await adapterFor(c.device.kind).preflight.reach(c.device, {
    env: c.env,
    local: !c.appiumUrl,
    signal: c.signal,
  });
  return {
    reach,
    check: { name: 'device', status: reach.ok ? 'ok' : 'fail', detail: reach.detail, fix: reach.fix },
  };
}

/** Computer-side checks: free space for the backups, an external Appium server up. */
export async function hostChecks(c: PreflightContext, folder: string): Promise<PreflightCheck[]> {
  const checks: PreflightCheck[] = [];
  const at = nearestExisting(folder);
  const st = statfsSync(at);
  const free = Number(st.bavail) * Number(st.bsize);
  const need = c.needs.hostBytes;
  const enough = free >= need;
  checks.push({
    name: 'backup disk',
    status: enough ? 'ok' : 'fail',
    detail: `${formatBytes(free)} free at ${at}${need ? `, about ${formatBytes(need)} needed for ${c.needs.videos} videos` : ''}`,
    fix: enough
      ? undefined
      : `free space on that disk, or back up elsewhere (--out, or backup.folder in ${c.configName}); the estimate is preflight.expectedVideos × preflight.videoBytes (or --limit)`,
  });
  if (c.appiumUrl) {
    const s = await appiumStatus(parseAppiumUrl(c.appiumUrl), c.signal);
    checks.push({
      name: 'appium',
      status: s.ok ? 'ok' : 'fail',
      detail: s.detail,
      fix: s.ok
        ? undefined
        : `start Appium there (\`appium --port …\`), or leave out --appium-url to use the embedded one`,
    });
  }
  return checks;
}

/** Stop the run when any check failed: one error naming every problem and every fix. */
export function stopOnFailures(checks: readonly PreflightCheck[]): void {
  const failed = checks.filter((c) => c.status === 'fail');
  if (!failed.length) return;
  throw new DraftvaultError(
    'E_PREFLIGHT_FAILED',
    `not ready for a backup: ${failed.map((c) => `${c.name}: ${c.detail}`).join('; ')}`,
    {
      hint: failed.map((c) => c.fix ?? `check the ${c.name}`).join('; '),
      details: { preflight: failed },
    },
  );
}

/**
 * Preflight on the device, right after the session opens and before any flow runs: the screen
 * (woken and unlocked when allowed), the battery, the phone's free space, TikTok installed and
 * its version against the range the flows are tested with. The adapter reads; this decides.
 */
import { readFileSync } from 'node:fs';
import { versionAbove, versionMatches } from '../core/fields.js';
import { adapterFor } from '../drivers/index.js';
import type { DeviceIOContext } from '../drivers/types.js';
import type { DeviceSession } from './device-session.js';
import type { JobFlows } from './flow-kit.js';
import { formatBytes, type PreflightCheck, type PreflightContext } from './preflight.js';

/** An `appVersion:` range of a job flow and where it is written. */
export interface TestedRange {
  range: string;
  /** `flows/tiktok/launch.yaml:7:13`. */
  where: string;
}

/** The `appVersion:` ranges the job flows declare, each with its YAML place. */
export function testedRanges(flows: JobFlows): TestedRange[] {
  const out = new Map<string, TestedRange>();
  for (const project of Object.values(flows.projects)) {
    for (const [abs, flow] of project.flows) {
      if (!flow.appVersion || out.has(abs)) continue;
      let where = flow.file;
      try {
        const lines = readFileSync(abs, 'utf8').split('\n');
        const i = lines.findIndex((l) => /^appVersion\s*:/.test(l));
        if (i >= 0) where = `${flow.file}:${i + 1}:${lines[i]!.indexOf(':') + 3}`;
      } catch {
        // The flow was read a moment ago; without its text the file alone is named.
      }
      out.set(abs, { range: flow.appVersion, where });
    }
  }
  return [...out.values()];
}

async function screen(c: PreflightContext, ctx: DeviceIOContext): Promise<PreflightCheck> {
  const pf = adapterFor(c.device.kind).preflight;
  const keepAwake =
    'keep the test phone awake on its charger (Developer options → Stay awake) with no screen lock';
  const locked = await pf.isLocked(ctx);
  if (locked === undefined) return { name: 'screen', status: 'skipped', detail: 'the driver does not tell' };
  if (!locked) return { name: 'screen', status: 'ok', detail: 'awake and unlocked' };
  if (!c.config.preflight.unlock)
    return {
      name: 'screen',
      status: 'fail',
      detail: 'the screen is locked (preflight.unlock is off: draftvault does not unlock it)',
      fix: `unlock the phone, or ${keepAwake}, or set preflight.unlock: true in ${c.configName}`,
    };
  await pf.unlock(ctx);
  if ((await pf.isLocked(ctx)) === false)
    return { name: 'screen', status: 'ok', detail: 'was locked: woken and unlocked' };
  return {
    name: 'screen',
    status: 'fail',
    detail: 'the screen is locked and `mobile: unlock` could not open it (a PIN or pattern?)',
    fix: `${keepAwake}, or pass the unlock capabilities (--caps '{"appium:unlockType":"pin","appium:unlockKey":"…"}')`,
  };
}

async function battery(c: PreflightContext, ctx: DeviceIOContext): Promise<PreflightCheck> {
  const b = await adapterFor(c.device.kind).preflight.battery(ctx);
  const min = c.config.preflight.minBattery;
  if (!b) return { name: 'battery', status: 'skipped', detail: 'the driver does not tell' };
  const seen = `${b.percent}%${b.charging === undefined ? '' : b.charging ? ', charging' : ', not charging'}`;
  if (b.percent >= min) return { name: 'battery', status: 'ok', detail: `${seen} (at least ${min}% needed)` };
  return {
    name: 'battery',
    status: 'fail',
    detail: `${seen}, below preflight.minBattery ${min}%`,
    fix: `charge the phone (leave the test phone on its charger for nightly runs), or lower preflight.minBattery in ${c.configName}`,
  };
}

async function storage(c: PreflightContext, ctx: DeviceIOContext, d: DeviceSession): Promise<PreflightCheck> {
  const s = await adapterFor(c.device.kind).preflight.storage(ctx);
  if (s.freeBytes === undefined) return { name: 'phone storage', status: 'skipped', detail: s.how };
  const need = c.needs.phoneBytes;
  const seen = `${formatBytes(s.freeBytes)} free (${s.how})`;
  if (s.freeBytes > 0 && s.freeBytes >= need)
    return { name: 'phone storage', status: 'ok', detail: `${seen}, about ${formatBytes(need)} needed` };
  return {
    name: 'phone storage',
    status: 'fail',
    detail: `${seen}; Save to device writes each video into ${d.media.saved}, about ${formatBytes(need)} needed`,
    fix: `free space on the phone (old videos in ${d.media.saved}, other apps), or back up with --cleanup-device so each saved copy is deleted once backed up`,
  };
}

async function tiktok(c: PreflightContext, ctx: DeviceIOContext, d: DeviceSession, flows: JobFlows) {
  const installed = await adapterFor(c.device.kind).preflight.appInstalled(ctx, d.appId);
  if (installed === false)
    return {
      name: 'tiktok',
      status: 'fail',
      detail: `TikTok (${d.appId}) is not installed`,
      fix: 'install TikTok and sign in to the account whose drafts you back up',
    } satisfies PreflightCheck;
  const v = d.facts.appVersion;
  if (!v)
    return { name: 'tiktok', status: 'ok', detail: `installed (${d.appId}); version not readable` } as const;
  // The runner's own matcher: what it refuses to run on, preflight warns about.
  const outside = testedRanges(flows).filter((r) => !versionMatches(v, r.range));
  if (!outside.length)
    return { name: 'tiktok', status: 'ok', detail: `TikTok ${v}, within the flows' tested range` } as const;
  const newer = outside.every((r) => versionAbove(v, r.range));
  return {
    name: 'tiktok',
    status: 'warn',
    detail: `TikTok ${v} is ${newer ? 'newer than the versions' : 'not among the versions'} the flows are tested with (${outside.map((r) => `${r.range} at ${r.where}`).join(', ')}); those flows refuse to run on it`,
    fix: 'check the flows on this version (draftvault flows check --hierarchy on its screens), then widen appVersion at those places',
  } as const;
}

/** The device-side checks, in order; the caller stops the run on any failure. */
export async function deviceChecks(
  d: DeviceSession,
  c: PreflightContext,
  flows: JobFlows,
): Promise<PreflightCheck[]> {
  const ctx: DeviceIOContext = {
    session: d.session,
    device: c.device,
    local: !c.appiumUrl,
    signal: c.signal,
  };
  return [
    {
      name: 'appium',
      status: 'ok',
      detail: c.appiumUrl
        ? `a session is open on ${c.appiumUrl}`
        : 'the embedded Appium server is up, a session is open',
    },
    await screen(c, ctx),
    await battery(c, ctx),
    await storage(c, ctx, d),
    await tiktok(c, ctx, d, flows),
  ];
}

/**
 * Preflight readings that every Appium driver draftvault uses names the same way:
 * `mobile: isLocked`, `mobile: unlock`, `mobile: batteryInfo` and the app state (UiAutomator2,
 * XCUITest and the simulated phone). What the battery `state` numbers mean differs per kind, so each adapter
 * says which of them mean "charging".
 */
import { rethrowInterrupt } from '../errors.js';
import type { BatteryReading, DeviceIOContext, DevicePreflight, StorageReading } from './types.js';

/** `mobile: isLocked`; undefined when the driver cannot tell. */
async function isLocked(ctx: DeviceIOContext): Promise<boolean | undefined> {
  try {
    return Boolean(await ctx.session.execute('mobile: isLocked', {}));
  } catch (err) {
    rethrowInterrupt(err, ctx.signal);
    return undefined;
  }
}

/** `mobile: unlock` (wakes the screen too); the caller checks the result with isLocked. */
async function unlock(ctx: DeviceIOContext): Promise<void> {
  try {
    await ctx.session.execute('mobile: unlock', {});
  } catch (err) {
    // A lock screen the driver cannot open (a PIN without the unlock capabilities): isLocked says so.
    rethrowInterrupt(err, ctx.signal);
  }
}

/**
 * The screen, battery and app readers of the `mobile:` commands. `chargingStates` are the values of
 * `state` that mean "on the charger" for this driver (Android: 2 charging, 5 full).
 */
export function mobileReadings(
  chargingStates: readonly number[],
): Pick<DevicePreflight, 'isLocked' | 'unlock' | 'battery' | 'appInstalled'> {
  return {
    isLocked,
    unlock,
    async appInstalled(ctx, appId) {
      try {
        // 0 = not installed (Appium's app state; Android takes the package, iOS the bundle id).
        const state =
          ctx.device.platform === 'ios'
            ? await ctx.session.queryAppState(undefined, appId)
            : await ctx.session.queryAppState(appId);
        return state !== 0;
      } catch (err) {
        rethrowInterrupt(err, ctx.signal);
        return undefined;
      }
    },
    async battery(ctx): Promise<BatteryReading | undefined> {
      try {
        const info = (await ctx.session.execute('mobile: batteryInfo', {})) as {
          level?: number;
          state?: number;
        };
        if (typeof info?.level !== 'number' || info.level < 0) return undefined;
        return {
          percent: Math.round(info.level * 100),
          charging: typeof info.state === 'number' ? chargingStates.includes(info.state) : undefined,
        };
      } catch (err) {
        rethrowInterrupt(err, ctx.signal);
        return undefined;
      }
    },
  };
}

/** Bytes available in `df -k` output (the "Available" column of the last line). */
export function parseDfAvailable(out: string): number | undefined {
  const lines = out.split(/\r?\n/).filter((l) => l.trim());
  const head = lines[0]?.split(/\s+/) ?? [];
  const col = head.findIndex((h) => /^(Available|Avail|Free)$/i.test(h));
  const last = lines.at(-1)?.trim().split(/\s+/);
  if (col < 0 || !last || lines.length < 2) return undefined;
  // A long filesystem name can push the numbers onto their own line: count columns from the end.
  const value = last[last.length - (head.length - col) + (head.at(-1) === 'on' ? 1 : 0)];
  const kb = Number(value);
  return Number.isFinite(kb) && kb >= 0 ? kb * 1024 : undefined;
}

/** The first line of an error, for a reading's `how`. */
export function firstLine(err: unknown): string {
  return err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
}

/**
 * Free space of shared storage with `df -k /sdcard` through the session's `mobile: shell` (the
 * one `df` form draftvault's guard lets through); `how` says where it was read.
 */
export async function dfThroughSession(ctx: DeviceIOContext, how: string): Promise<StorageReading> {
  try {
    const out = (await ctx.session.execute('mobile: shell', {
      command: 'df',
      args: ['-k', '/sdcard'],
    })) as string;
    return { freeBytes: parseDfAvailable(out), how };
  } catch (err) {
    rethrowInterrupt(err, ctx.signal);
    return { how: `not readable (${firstLine(err)})` };
  }
}

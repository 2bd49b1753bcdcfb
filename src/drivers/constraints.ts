/**
 * Capabilities checked against the real drivers' own declared constraints, before any Appium
 * server or session starts (bad input must have no side effects). The constraint tables are
 * read from the installed driver packages, so they cannot drift from the drivers we ship; they
 * load only when a real phone is used.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DraftvaultError } from '../errors.js';
import { packageRoot } from '../paths.js';

type Constraints = Record<string, Record<string, unknown>>;

const TABLES = {
  uiautomator2: ['appium-uiautomator2-driver/build/lib/constraints.js', 'default'],
  xcuitest: ['appium-xcuitest-driver/build/lib/desired-caps.js', 'desiredCapConstraints'],
} as const;

async function table(driver: keyof typeof TABLES): Promise<Constraints> {
  const [file, name] = TABLES[driver];
  const mod = (await import(pathToFileURL(join(packageRoot(), 'node_modules', file)).href)) as Record<
    string,
    Constraints
  >;
  return mod[name]!;
}

/** Capabilities without their `appium:` prefix (how the drivers' constraints name them). */
export function unprefixed(caps: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(caps).map(([k, v]) => [k.replace(/^appium:/, ''), v]));
}

/**
 * Check the capabilities of a session on a real phone: nothing destructive, the right platform,
 * then the driver's own constraints. E_CONFIG names every problem.
 */
export async function checkDriverCaps(
  driver: keyof typeof TABLES,
  platform: 'Android' | 'iOS',
  caps: Record<string, unknown>,
): Promise<void> {
  refuseDestructiveCaps(caps);
  if (String(caps.platformName ?? '').toLowerCase() !== platform.toLowerCase())
    throw new DraftvaultError('E_CONFIG', `platformName "${String(caps.platformName)}" is not ${platform}`, {
      hint: `this device takes platformName "${platform}"; leave it out of --caps`,
    });
  const { validateCaps } = await import('@appium/base-driver');
  const plain = unprefixed(caps);
  // Only the capabilities the driver declares are checked (vendor-prefixed extras pass through).
  const constraints = await table(driver);
  try {
    validateCaps(plain as never, constraints as never, { skipPresenceConstraint: true });
  } catch (err) {
    throw new DraftvaultError('E_CONFIG', `invalid capabilities for ${driver}: ${(err as Error).message}`, {
      hint: 'see the driver’s capability list; draftvault sets the ones it needs itself',
      cause: err,
    });
  }
}

/**
 * Capabilities that would destroy what draftvault exists to save: TikTok's private storage holds
 * the drafts, so nothing may reinstall or clear the app. Refused for every device kind.
 */
export function refuseDestructiveCaps(caps: Record<string, unknown>): void {
  const c = unprefixed(caps);
  const bad: string[] = [];
  if (c.noReset === false) bad.push('appium:noReset false (clears TikTok’s data, drafts included)');
  if (c.fullReset === true) bad.push('appium:fullReset true (uninstalls TikTok, drafts included)');
  if (c.app !== undefined) bad.push('appium:app (reinstalls the app)');
  if (c.enforceAppInstall === true) bad.push('appium:enforceAppInstall (reinstalls the app)');
  if (bad.length) {
    throw new DraftvaultError('E_CONFIG', `refused capabilities: ${bad.join('; ')}`, {
      hint: 'draftvault never reinstalls or resets TikTok: its private storage is where the drafts live',
    });
  }
}

/**
 * The phones of a fleet (`config/devices.yaml`, or the file `DRAFTVAULT_DEVICES` names): each
 * named, with its platform, udid, TikTok build, account label, optionally its own Appium server
 * (a Grid hub, a remote node) and extra capabilities. Declared with zod like the config file, so
 * the same schema checks the YAML at file:line:col, types the code and writes the editor schema.
 * `--device <name>` and `--all-devices` read it.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { parseDeviceRef } from '../drivers/device-ref.js';
import type { DeviceRef } from '../drivers/types.js';
import { DraftvaultError } from '../errors.js';
import { DEFAULT_MAX_YAML_BYTES, readYamlSource } from '../flows/source.js';
import { issueToError, parseYaml } from '../flows/yaml.js';
import { configPath, keysIn } from './config.js';
import { httpUrl } from './nightly.js';

/** The TikTok builds a fleet entry can name: the global app and the Japanese/Korean one. */
export const FLEET_APPS = ['musically', 'trill'] as const;
/** One of {@link FLEET_APPS}. */
export type FleetApp = (typeof FLEET_APPS)[number];

/** A fleet name: it names backup folders and locks, so no path tricks. */
const NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/;

const entrySchema = z
  .object({
    name: z.string().regex(NAME, 'a name of 1 to 64 letters, digits, ".", "_" or "-", not starting with "."'),
    platform: z
      .enum(['android', 'ios', 'sim', 'sim-ios'])
      .describe('android, ios, or the simulated phone (sim plays Android, sim-ios an iPhone)'),
    udid: z
      .string()
      .min(1)
      .optional()
      .describe('the serial (adb devices) or udid; for sim, the simulated phone (default: name)'),
    app: z.enum(FLEET_APPS).default('musically').describe('the TikTok build: musically (global) or trill'),
    account: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('whose account this phone is signed in to (a label)'),
    appiumUrl: httpUrl
      .optional()
      .describe('this phone’s Appium server or Grid hub; default: the embedded one'),
    capabilities: z
      .record(z.string(), z.unknown())
      .default({})
      .describe('extra capabilities for this phone’s session (they win over the allocated ports)'),
  })
  .strict();

/** The devices file's schema. */
export const devicesFileSchema = z
  .object({
    devices: z
      .array(entrySchema)
      .default([])
      .superRefine((list, ctx) => {
        const seen = new Map<string, number>();
        list.forEach((d, i) => {
          const first = seen.get(d.name);
          if (first !== undefined)
            ctx.addIssue({
              code: 'custom',
              path: [i, 'name'],
              message: `duplicate device name "${d.name}" (devices[${first}] has it)`,
              params: { hint: 'each device needs its own name: it names its backup folder and lock' },
            });
          seen.set(d.name, i);
          try {
            refOf(d);
          } catch (err) {
            if (!(err instanceof DraftvaultError)) throw err;
            ctx.addIssue({
              code: 'custom',
              path: [i, 'udid'],
              message: err.message,
              params: { hint: err.hint },
            });
          }
        });
      }),
  })
  .strict();

/** A device of the fleet, parsed. */
export type FleetEntry = z.infer<typeof entrySchema>;

/** A device to back up: its name, its reference, and what the fleet file says of it. */
export interface FleetDevice {
  /** How the summary, folders and locks name it (the fleet name, or the `--device` text). */
  name: string;
  ref: DeviceRef;
  app: FleetApp;
  account?: string;
  appiumUrl?: string;
  capabilities: Record<string, unknown>;
  /** True when it came from the devices file (its backup folder is then named after it). */
  named: boolean;
}

/** The reference a fleet entry stands for, checked with the `--device` grammar. */
function refOf(d: FleetEntry): DeviceRef {
  const sim = d.platform.startsWith('sim');
  const id = d.udid ?? (sim ? d.name : undefined);
  return parseDeviceRef(id ? `${d.platform}:${id}` : d.platform);
}

/** Which devices file applies: `DRAFTVAULT_DEVICES`, else devices.yaml beside the config file. */
export function devicesPath(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (env.DRAFTVAULT_DEVICES) return resolve(cwd, env.DRAFTVAULT_DEVICES);
  const config = configPath(env, cwd);
  const beside = config && join(dirname(config), 'devices.yaml');
  return beside && existsSync(beside) ? beside : undefined;
}

/** The fleet: the devices file's entries (none without a file). Bad files are E_CONFIG-family, exit 2. */
export function loadFleet(env: NodeJS.ProcessEnv, cwd: string): { file?: string; devices: FleetDevice[] } {
  const file = devicesPath(env, cwd);
  if (!file) return { devices: [] };
  const y = parseYaml(readYamlSource(file, DEFAULT_MAX_YAML_BYTES, 'devices file'), file);
  const res = devicesFileSchema.safeParse(y.js ?? {});
  if (!res.success) {
    // A misspelt field first: its "did you mean" explains the missing one too.
    const issues = res.error.issues;
    const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]!;
    throw issueToError(y, [], issue, keysIn(devicesFileSchema));
  }
  return {
    file,
    devices: res.data.devices.map((d) => ({
      name: d.name,
      ref: refOf(d),
      app: d.app,
      account: d.account,
      appiumUrl: d.appiumUrl,
      capabilities: d.capabilities,
      named: true,
    })),
  };
}

/** `--device X`: a name of the fleet, else the `--device` grammar (a device with no fleet entry). */
export function resolveDevice(raw: string, fleet: readonly FleetDevice[]): FleetDevice {
  const named = fleet.find((d) => d.name === raw);
  if (named) return named;
  return { name: raw, ref: parseDeviceRef(raw), app: 'musically', capabilities: {}, named: false };
}

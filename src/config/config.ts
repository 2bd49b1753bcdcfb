/**
 * draftvault's own configuration (`config/draftvault.yaml`, or the file `DRAFTVAULT_CONFIG`
 * names): declared once here with zod, validated with file:line:col errors like flows, and with
 * defaults that need nothing for the simulated phone. Every field is optional.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_DEVICE_ROOTS } from '../core/paths.js';
import { DEFAULT_MAX_YAML_BYTES, readYamlSource } from '../flows/source.js';
import { issueToError, parseYaml } from '../flows/yaml.js';
import { packageRoot } from '../paths.js';
import { nightlyShape } from './nightly.js';

/** An extra phone folder flows may use: shared storage only, never the system or app-private areas. */
const deviceFolder = z
  .string()
  .regex(/^\/(sdcard|storage\/emulated\/0)\/[^/]+(\/[^/]+)*\/?$/, 'a folder under /sdcard/ (shared storage)')
  .refine((p) => !p.split('/').includes('..'), { message: 'must not contain ".."' });

/** The configuration file's schema. */
export const configSchema = z
  .object({
    limits: z
      .object({
        yamlFileBytes: z
          .number()
          .int()
          .min(1024)
          .max(64 * 1024 * 1024)
          .default(DEFAULT_MAX_YAML_BYTES)
          .describe('largest flow, selector or config file accepted (bytes)'),
      })
      .strict()
      .default({ yamlFileBytes: DEFAULT_MAX_YAML_BYTES }),
    devicePaths: z
      .object({
        allow: z
          .array(deviceFolder)
          .default([])
          .describe(`phone folders flows may use besides ${DEFAULT_DEVICE_ROOTS.join(', ')}`),
      })
      .strict()
      .default({ allow: [] }),
    ...nightlyShape,
  })
  .strict();

/** The parsed configuration. */
export type Config = z.infer<typeof configSchema> & {
  /** The file it came from (undefined: defaults only). */
  file?: string;
  /** Every device folder flows and jobs may use. */
  deviceRoots: readonly string[];
  /** `backup.folder` made absolute (relative to the config file); undefined: the default. */
  backupRoot?: string;
};

/** The keys a map of a file checked by `schema` may have at `path` (for "did you mean"). */
export function keysIn(schema: z.ZodType): (path: readonly PropertyKey[]) => string[] {
  return (path) => keysAtIn(schema, path);
}

function keysAtIn(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: z.ZodType = schema;
  for (const seg of path) {
    if (typeof seg === 'number') {
      // An item of a list: the list's element, past its defaults.
      for (let i = 0; i < 5 && !(s instanceof z.ZodArray); i++) {
        const next = (s as { def?: { innerType?: z.ZodType } }).def?.innerType;
        if (!next) break;
        s = next;
      }
      if (!(s instanceof z.ZodArray)) return [];
      s = s.element as z.ZodType;
      continue;
    }
    // Unwrap defaults, optionals and records down to the next object.
    for (let i = 0; i < 5 && !(s instanceof z.ZodObject); i++) {
      const def = (s as { def?: { innerType?: z.ZodType; valueType?: z.ZodType; element?: z.ZodType } }).def;
      const next = def?.innerType ?? def?.valueType ?? def?.element;
      if (!next) break;
      s = next;
    }
    if (!(s instanceof z.ZodObject)) return [];
    s = (s.shape as Record<string, z.ZodType>)[String(seg)] ?? z.never();
  }
  for (let i = 0; i < 5 && !(s instanceof z.ZodObject); i++) {
    const next = (s as { def?: { innerType?: z.ZodType } }).def?.innerType;
    if (!next) break;
    s = next;
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/** Which config file applies: `DRAFTVAULT_CONFIG`, else config/draftvault.yaml if it exists. */
export function configPath(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (env.DRAFTVAULT_CONFIG) return resolve(cwd, env.DRAFTVAULT_CONFIG);
  const shipped = join(packageRoot(), 'config', 'draftvault.yaml');
  return existsSync(shipped) ? shipped : undefined;
}

/** Load and check the configuration (E_CONFIG-family errors at file:line:col, exit 2). */
export function loadConfig(env: NodeJS.ProcessEnv, cwd: string): Config {
  const file = configPath(env, cwd);
  let raw: unknown = {};
  let y: ReturnType<typeof parseYaml> | undefined;
  if (file) {
    y = parseYaml(readYamlSource(file, DEFAULT_MAX_YAML_BYTES, 'config file'), file);
    raw = y.js ?? {};
  }
  const res = configSchema.safeParse(raw);
  if (!res.success) {
    if (!y) throw new Error('unreachable: the defaults are valid');
    throw issueToError(y, [], res.error.issues[0]!, keysIn(configSchema));
  }
  const folder = res.data.backup.folder;
  return {
    ...res.data,
    file,
    backupRoot: folder && resolve(file ? dirname(file) : cwd, folder),
    deviceRoots: [
      ...DEFAULT_DEVICE_ROOTS,
      ...res.data.devicePaths.allow.map((p) =>
        p.replace(/\/+$/, '').replace(/^\/storage\/emulated\/0/, '/sdcard'),
      ),
    ],
  };
}

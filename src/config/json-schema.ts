/**
 * The JSON Schema of the config file, for editors (yaml-language-server completes and underlines
 * config/draftvault.yaml). Derived from the zod schema that parses the file, so it cannot drift;
 * a test checks that the committed copy is current.
 */
import { z } from 'zod';
import { configSchema } from './config.js';
import { devicesFileSchema } from './devices.js';

/** The config file's JSON Schema. */
export function configJsonSchema(): Record<string, unknown> {
  const j = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete j.$schema;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'draftvault config (config/draftvault.yaml)',
    ...j,
  };
}

/** The devices file's JSON Schema (config/devices.yaml). */
export function devicesJsonSchema(): Record<string, unknown> {
  const j = z.toJSONSchema(devicesFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete j.$schema;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'draftvault devices (config/devices.yaml)',
    ...j,
  };
}

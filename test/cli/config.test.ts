/**
 * The config file: its committed JSON Schema is current (written by `draftvault config schema`),
 * the shipped config/draftvault.yaml names and passes it, the schema catches what an editor
 * should underline, and `config check` shows what applies without printing secrets.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configJsonSchema, devicesJsonSchema } from '../../src/config/json-schema.js';
import { ROOT, runCli } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('dv-config-');
const SHIPPED = join(ROOT, 'config', 'draftvault.yaml');

describe('draftvault config', () => {
  it('schema: the committed schema is current, and the shipped config names and passes it', async () => {
    const out = tmp();
    expect((await runCli(['config', 'schema', '--out', out])).code).toBe(0);
    expect(
      readFileSync(join(out, 'draftvault.schema.json'), 'utf8'),
      'stale: run draftvault config schema',
    ).toBe(readFileSync(join(ROOT, 'config', 'draftvault.schema.json'), 'utf8'));
    const text = readFileSync(SHIPPED, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=draftvault.schema.json');
    const check = new Ajv2020({ strict: false, allErrors: true }).compile(configJsonSchema());
    expect(check(parse(text)), JSON.stringify(check.errors)).toBe(true);
    expect(check({ preflight: { minBattery: 150 } })).toBe(false);
    expect(check({ notify: { webhok: {} } })).toBe(false);
    expect(check({ reports: { keep: 0 } })).toBe(false);
    expect(check({ schedule: { at: '25:00' } })).toBe(false);
  });

  it('schema: devices.schema.json is current, and the shipped config/devices.yaml names and passes it', async () => {
    const out = tmp();
    expect((await runCli(['config', 'schema', '--out', out])).code).toBe(0);
    expect(
      readFileSync(join(out, 'devices.schema.json'), 'utf8'),
      'stale: run draftvault config schema',
    ).toBe(readFileSync(join(ROOT, 'config', 'devices.schema.json'), 'utf8'));
    const text = readFileSync(join(ROOT, 'config', 'devices.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=devices.schema.json');
    const check = new Ajv2020({ strict: false, allErrors: true }).compile(devicesJsonSchema());
    expect(check(parse(text)), JSON.stringify(check.errors)).toBe(true);
    // The commented example in the shipped file is valid too.
    const example = text
      .split('\n')
      .filter((l) => /^# {1,3}(devices:| {2})/.test(l))
      .map((l) => l.slice(2))
      .join('\n');
    expect(parse(example).devices).toHaveLength(2);
    expect(check(parse(example)), JSON.stringify(check.errors)).toBe(true);
    expect(check({ devices: [{ name: 'a', platform: 'andriod' }] })).toBe(false);
    expect(check({ devices: [{ name: 'a', platform: 'sim', app: 'tiktok' }] })).toBe(false);
    expect(check({ devices: [{ name: '../x', platform: 'sim' }] })).toBe(false);
  });

  it('check: the shipped defaults need nothing; webhook headers are shown by name only', async () => {
    const shipped = await runCli(['config', 'check'], { DRAFTVAULT_CONFIG: '' });
    expect(shipped.code, shipped.stderr).toBe(0);
    expect(JSON.parse(shipped.stdout.slice(shipped.stdout.indexOf('{')))).toMatchObject({
      devices: ['sim'],
      schedule: { at: '03:00' },
      preflight: { minBattery: 20, unlock: true },
      notify: { when: 'failure' },
      reports: { keep: 30 },
    });
    const file = join(tmp(), 'mine.yaml');
    writeFileSync(
      file,
      'backup: { folder: ../elsewhere }\nnotify:\n  webhook: { url: "https://hooks.example.org/x", headers: { Authorization: "Bearer s3cret" } }\n',
    );
    const mine = await runCli(['config', 'check'], { DRAFTVAULT_CONFIG: file });
    expect(mine.stdout).toContain(`${file} is valid`);
    expect(mine.stdout).not.toContain('s3cret');
    const c = JSON.parse(mine.stdout.slice(mine.stdout.indexOf('{')));
    expect(c.notify.webhook.headers).toEqual({ Authorization: '(set)' });
    // backup.folder is relative to the config file.
    expect(c.backupRoot).toBe(join(dirname(tmp()), 'elsewhere'));
  });
});

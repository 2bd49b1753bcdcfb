import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

describe('draftvault sim', () => {
  it('reset prepares a phone that state shows and caps opens', async () => {
    const env = { DRAFTVAULT_HOME: tmp() };
    const reset = await runCli(
      ['sim', 'reset', '--device', 'p1', '--drafts', '4', '--profile', 'tiktok-47.0.3'],
      env,
    );
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/tiktok-47\.0\.3 \(fr\), 4 drafts/);
    const state = await runCli(['sim', 'state', '--device', 'p1', '--json'], env);
    expect(state.code).toBe(0);
    const s = JSON.parse(state.stdout) as {
      drafts: unknown[];
      locale: string;
      posts: unknown[];
      app: { running: boolean };
    };
    expect(s.drafts).toHaveLength(4);
    expect(s.locale).toBe('fr');
    expect(s.app.running).toBe(false);
    const caps = JSON.parse((await runCli(['sim', 'caps', '--device', 'p1'], env)).stdout) as Record<
      string,
      string
    >;
    expect(caps).toMatchObject({ 'appium:automationName': 'DraftvaultSim', 'appium:simDevice': 'p1' });
    expect(caps['appium:simHome']).toBe(`${env.DRAFTVAULT_HOME}/sim`);
  });

  it('rejects bad values with exit 2 and our own wording', async () => {
    const r = await runCli(['sim', 'reset', '--profile', 'tiktok-1.0'], { DRAFTVAULT_HOME: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--profile must be one of "tiktok-43\.1\.4"/);
    const d = await runCli(['sim', 'reset', '--drafts', '-3'], { DRAFTVAULT_HOME: tmp() });
    expect(d.code).toBe(2);
    const s = await runCli(['sim', 'state', '--device', 'nobody'], { DRAFTVAULT_HOME: tmp() });
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/sim reset --device nobody/);
  });

  it('refuses phone names that are paths (.., ., .hidden, a/b) with exit 2 and touches nothing', async () => {
    const home = tmp();
    const keep = join(home, 'backups', 'sim-1', 'keep.mp4');
    mkdirSync(dirname(keep), { recursive: true });
    writeFileSync(keep, 'precious');
    const before = readdirSync(home, { recursive: true }).sort();
    for (const args of [
      ['sim', 'reset', '--device', '..'],
      ['sim', 'reset', '--device', '.'],
      ['sim', 'reset', '--device', '.hidden'],
      ['sim', 'reset', '--device', 'a/b'],
      ['sim', 'state', '--device', '..'],
      ['sim', 'caps', '--device', '.'],
      ['backup', '--device', 'sim:..', '--dry-run'],
      ['backup', '--device', 'sim-ios:.', '--dry-run'],
    ]) {
      const r = await runCli(args, { DRAFTVAULT_HOME: home });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/invalid simulated phone name/);
    }
    expect(readFileSync(keep, 'utf8')).toBe('precious');
    expect(readdirSync(home, { recursive: true }).sort()).toEqual(before);
  });
});

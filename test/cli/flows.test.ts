import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { flowJsonSchema, screensJsonSchema, selectorsJsonSchema } from '../../src/flows/json-schema.js';
import { ROOT, runCli } from '../helpers/proc.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();
const FLOWS = join(ROOT, 'flows');
const FIX = join(ROOT, 'test', 'fixtures', 'flows');

describe('draftvault flows', () => {
  it('validate: the shipped flows are valid', async () => {
    const r = await runCli(['flows', 'validate']);
    expect(r.code).toBe(0);
    // xpath is allowed but flagged.
    expect(r.stderr).toMatch(
      /warn {2}flows\/tiktok\/selectors\.yaml:\d+:\d+: selector "popup\.update" uses xpath/,
    );
    expect(r.stdout).toMatch(/(\d+) of \1 files valid/);
  });

  it('validate: reports every bad file with file:line:col, a frame and a hint, and exits 2', async () => {
    const files = ['005_unknown_step.yaml', '025_bad_timeout.yaml', '014_unknown_selector.yaml'].map((f) =>
      join(FIX, f),
    );
    const r = await runCli(['flows', 'validate', ...files]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/005_unknown_step\.yaml:4:5: unknown step "tapp" \[E_UNKNOWN_STEP\]/);
    expect(r.stderr).toMatch(/hint: did you mean "tap"\?/);
    expect(r.stderr).toMatch(/025_bad_timeout\.yaml:4:44: .*\[E_BAD_TIMEOUT\]/);
    expect(r.stderr).toMatch(
      /014_unknown_selector\.yaml:4:10: no selector named "nav\.profil" \[E_UNKNOWN_SELECTOR\]/,
    );
    expect(r.stderr).toMatch(/> 4 \| {3}- tapp: nav\.profile\n {4}\| {5}\^/);
    expect(r.stdout).toMatch(/0 of 3 files valid/);
  });

  it('validate: reports every bad step of one file, not just the first', async () => {
    const file = join(tmp(), 'multi.yaml');
    writeFileSync(
      file,
      'name: multi\nsteps:\n  - tapp: x\n  - back: { times: 0 }\n  - repeat:\n      times: 2\n      steps:\n        - wiat: 1s\n',
    );
    const r = await runCli(['flows', 'validate', file]);
    expect(r.code).toBe(2);
    const places = [...r.stderr.matchAll(/multi\.yaml:(\d+:\d+): .* \[(E_\w+)\]/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(places).toEqual(['3:5 E_UNKNOWN_STEP', '4:20 E_BAD_VALUE', '8:11 E_UNKNOWN_STEP']);
  });

  it('schema: the committed JSON Schemas are current, and every shipped YAML file names and passes them', async () => {
    const out = tmp();
    expect((await runCli(['flows', 'schema', '--out', out])).code).toBe(0);
    for (const f of ['flow.schema.json', 'selectors.schema.json', 'screens.schema.json']) {
      expect(readFileSync(join(out, f), 'utf8'), `${f} is stale: run draftvault flows schema`).toBe(
        readFileSync(join(FLOWS, 'schema', f), 'utf8'),
      );
    }
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const flow = ajv.compile(flowJsonSchema());
    const selectors = ajv.compile(selectorsJsonSchema());
    const screens = ajv.compile(screensJsonSchema());
    for (const f of readdirSync(join(FLOWS, 'tiktok'))) {
      const text = readFileSync(join(FLOWS, 'tiktok', f), 'utf8');
      const kind = f === 'selectors.yaml' ? 'selectors' : f === 'screens.yaml' ? 'screens' : 'flow';
      expect(text.split('\n')[0], f).toBe(`# yaml-language-server: $schema=../schema/${kind}.schema.json`);
      const check = kind === 'selectors' ? selectors : kind === 'screens' ? screens : flow;
      expect(check(parse(text)), `${f}: ${JSON.stringify(check.errors)}`).toBe(true);
    }
    // And the schema catches what editors should underline.
    expect(flow({ name: 'x', steps: [{ tapp: 'nav.profile' }] })).toBe(false);
    expect(flow({ name: 'x', steps: [{ tap: { selector: 'a', timout: 1 } }] })).toBe(false);
  });
});

describe('draftvault run', () => {
  it('runs a flow on the simulated phone and writes a JSON log', async () => {
    const home = tmp();
    expect((await runCli(['sim', 'reset', '--drafts', '2'], { DRAFTVAULT_HOME: home })).code).toBe(0);
    const r = await runCli(['run', join(FLOWS, 'tiktok', 'open-drafts.yaml')], { DRAFTVAULT_HOME: home });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ readText profile\.draftsBanner/);
    expect(r.stdout).toMatch(/flow open-drafts passed \(\d+ WebDriver commands\)/);
    const runs = readdirSync(join(home, 'runs'));
    expect(runs).toHaveLength(1);
    const events = readFileSync(join(home, 'runs', runs[0]!, 'run.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; ok?: boolean });
    expect(events.at(-1)).toMatchObject({ type: 'flowFinished', ok: true });
    expect(existsSync(join(home, 'runs', runs[0]!, 'appium.log'))).toBe(true);
  });

  it('a failing flow exits 1 and names the YAML place and the artifacts folder', async () => {
    const home = tmp();
    await runCli(['sim', 'reset', '--drafts', '1'], { DRAFTVAULT_HOME: home });
    const r = await runCli(['run', join(ROOT, 'test', 'fixtures', 'run', 'fallback.yaml')], {
      DRAFTVAULT_HOME: home,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /fallback\.yaml:8:5: the step that fails: test\.missing \(something that is never there\): not found within 300ms \[E_ELEMENT_NOT_FOUND\]/,
    );
    expect(r.stderr).toMatch(/tried, in order: text="Nope" \(0 on screen\); desc="Nada" \(0 on screen\)/);
    expect(r.stderr).toMatch(/edit test\.missing at .*selectors\.yaml:\d+:3/);
    expect(r.stderr).toMatch(/screenshot, page source and log: .*runs\/.*-run/);
    const dir = /screenshot, page source and log: (\S+)/.exec(r.stderr)![1]!;
    expect(readdirSync(dir)).toEqual(
      expect.arrayContaining([
        'failure-screenshot.png',
        'failure-page-source.xml',
        'failure-stack.json',
        'failure-appium-log.txt',
      ]),
    );
    const stack = JSON.parse(readFileSync(join(dir, 'failure-stack.json'), 'utf8')) as {
      stack: { at: string }[];
    };
    expect(stack.stack.map((f) => f.at.replace(/^.*fixtures\//, ''))).toEqual(['run/fallback.yaml:8:5']);
  });

  it('bad input exits 2 before any session: invalid flow, unknown param, bad device', async () => {
    const home = tmp();
    const cases: [string[], RegExp][] = [
      [['run', join(FIX, '005_unknown_step.yaml')], /005_unknown_step\.yaml:4:5: unknown step "tapp"/],
      [['run', join(FLOWS, 'tiktok', 'launch.yaml'), '--param', 'nope=1'], /no parameter "nope"/],
      [
        ['run', join(FLOWS, 'tiktok', 'launch.yaml'), '--device', 'sim:bad name'],
        /invalid simulated phone name/,
      ],
      [
        ['run', join(FLOWS, 'tiktok', 'launch.yaml'), '--appium-url', 'nope'],
        /--appium-url "nope" is not a URL/,
      ],
    ];
    for (const [args, msg] of cases) {
      const r = await runCli(args, { DRAFTVAULT_HOME: home });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(msg);
    }
    expect(existsSync(join(home, 'runs')), 'no run was started').toBe(false);
  });
});

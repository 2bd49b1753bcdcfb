/**
 * `draftvault doctor`: what is installed, what is attached, and for each missing piece the fix.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AppiumEndpoint } from '../appium/endpoint.js';
import { ADB_STATE_FIXES, type AdbDevice, findAdb, listAdbDevices } from '../drivers/android/adb.js';
import type { DeviceRef } from '../drivers/types.js';
import { packageRoot } from '../paths.js';
import type { Check } from './check.js';
import { checkIos } from './ios.js';

const run = promisify(execFile);

export type { Check } from './check.js';

/** The whole report (also the `--json` shape). */
export interface DoctorReport {
  checks: Check[];
  node: string;
  appium?: string;
  drivers: Record<string, { version: string; installPath: string }>;
  adb?: string;
  androidDevices: AdbDevice[];
  /** Can the simulated phone run (the default device)? */
  simReady: boolean;
  /** When a real device was requested: can it be used? */
  requestedDeviceReady?: boolean;
  /** When `--appium-url` was given: does that server answer `GET /status`? */
  externalAppiumReady?: boolean;
}

const REQUIRED_DRIVERS = { 'draftvault-sim': 'simulated phone', uiautomator2: 'Android', xcuitest: 'iOS' };

/** Collect every fact; never throws for a missing tool (that is what it reports). */
export async function runDoctor(
  env: NodeJS.ProcessEnv,
  requested?: DeviceRef,
  external?: AppiumEndpoint,
): Promise<DoctorReport> {
  const root = packageRoot();
  const checks: Check[] = [];
  const report: DoctorReport = {
    checks,
    node: process.versions.node,
    drivers: {},
    androidDevices: [],
    simReady: false,
  };

  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const nodeOk = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 24;
  checks.push({
    name: 'node',
    status: nodeOk ? 'ok' : 'fail',
    detail: `Node ${process.versions.node}`,
    fix: nodeOk ? undefined : 'install Node 20.19+, 22.12+ or 24+ (Appium 3 needs it)',
  });

  report.appium = readVersion(join(root, 'node_modules', 'appium', 'package.json'));
  checks.push({
    name: 'appium',
    status: report.appium ? 'ok' : 'fail',
    detail: report.appium ? `Appium ${report.appium} (embedded)` : 'Appium is not installed',
    fix: report.appium ? undefined : 'run `npm ci` in the draftvault folder',
  });

  report.drivers = await installedDrivers(root);
  for (const [name, what] of Object.entries(REQUIRED_DRIVERS)) {
    const d = report.drivers[name];
    checks.push({
      name: `driver ${name}`,
      status: d ? 'ok' : 'fail',
      detail: d ? `${what}: ${name} ${d.version}` : `${what}: driver ${name} not found by Appium`,
      fix: d ? undefined : 'run `npm ci`, then delete node_modules/.cache/appium and retry',
    });
  }
  report.simReady = nodeOk && !!report.appium && !!report.drivers['draftvault-sim'];

  await checkAndroid(env, report);
  const ios = await checkIos(root, process.platform, requested?.kind === 'ios' ? requested.id : undefined);
  checks.push(...ios.checks);
  if (external) report.externalAppiumReady = await checkExternal(external, checks);
  if (requested && requested.kind !== 'sim') {
    report.requestedDeviceReady =
      requested.kind === 'ios' ? ios.ready && !!report.drivers.xcuitest : requestedReady(report, requested);
  }
  return report;
}

async function checkExternal(endpoint: AppiumEndpoint, checks: Check[]): Promise<boolean> {
  try {
    const res = await fetch(new URL('status', endpoint.href), { signal: AbortSignal.timeout(10_000) });
    const ok = res.ok;
    checks.push({
      name: 'external appium',
      status: ok ? 'ok' : 'fail',
      detail: `${endpoint.href} answered HTTP ${res.status}`,
      fix: ok ? undefined : 'check the URL (a Grid usually ends in /wd/hub/)',
    });
    return ok;
  } catch (err) {
    checks.push({
      name: 'external appium',
      status: 'fail',
      detail: `${endpoint.href} does not answer (${(err as Error).message})`,
      fix: 'start the server, or leave out --appium-url to use the embedded one',
    });
    return false;
  }
}

function readVersion(pkgJson: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

async function installedDrivers(root: string): Promise<DoctorReport['drivers']> {
  try {
    const { stdout } = await run(
      process.execPath,
      [join(root, 'node_modules', 'appium', 'index.js'), 'driver', 'list', '--installed', '--json'],
      { cwd: root, env: { ...process.env, APPIUM_HOME: root }, timeout: 60_000 },
    );
    const list = JSON.parse(stdout) as Record<string, { version: string; installPath: string }>;
    return Object.fromEntries(
      Object.entries(list).map(([k, v]) => [k, { version: v.version, installPath: v.installPath }]),
    );
  } catch {
    return {};
  }
}

async function checkAndroid(env: NodeJS.ProcessEnv, report: DoctorReport): Promise<void> {
  const { checks } = report;
  report.adb = findAdb(env);
  if (!report.adb) {
    checks.push({
      name: 'adb',
      status: 'warn',
      detail: 'adb not found (needed only for real Android phones)',
      fix: 'apt-get install adb   (or install Android platform-tools and put them on PATH)',
    });
    return;
  }
  checks.push({ name: 'adb', status: 'ok', detail: `adb at ${report.adb}` });
  const sdk = env.ANDROID_HOME ?? env.ANDROID_SDK_ROOT;
  checks.push({
    name: 'ANDROID_HOME',
    status: sdk ? 'ok' : 'warn',
    detail: sdk
      ? `ANDROID_HOME=${sdk}`
      : 'ANDROID_HOME is not set (the UiAutomator2 driver refuses to start)',
    fix: sdk
      ? undefined
      : 'export ANDROID_HOME=/usr/lib/android-sdk   (the folder whose platform-tools/ holds adb)',
  });
  try {
    report.androidDevices = await listAdbDevices(report.adb);
  } catch (err) {
    checks.push({
      name: 'android devices',
      status: 'warn',
      detail: `adb devices failed: ${(err as Error).message}`,
    });
    return;
  }
  if (report.androidDevices.length === 0) {
    checks.push({
      name: 'android devices',
      status: 'warn',
      detail: 'no Android device connected',
      fix: 'connect the phone by USB, turn on Developer options → USB debugging, accept this computer',
    });
  }
  for (const d of report.androidDevices) {
    const usable = d.state === 'device';
    checks.push({
      name: `android ${d.serial}`,
      status: usable ? 'ok' : 'warn',
      detail: `${d.serial} ${d.state}${d.props.model ? ` (${d.props.model})` : ''}`,
      fix: usable ? undefined : (ADB_STATE_FIXES[d.state] ?? `adb reports "${d.state}"`),
    });
  }
}

function requestedReady(report: DoctorReport, device: DeviceRef): boolean {
  const sdk = report.checks.find((c) => c.name === 'ANDROID_HOME')?.status === 'ok';
  const attached = report.androidDevices.filter((d) => d.state === 'device');
  const found = device.id ? attached.some((d) => d.serial === device.id) : attached.length > 0;
  return !!report.adb && sdk && found && !!report.drivers.uiautomator2;
}

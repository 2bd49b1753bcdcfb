/**
 * draftvault's simulated TikTok phone as a real Appium 3 driver (automationName DraftvaultSim).
 * Appium loads it like any other driver; clients talk to it over WebDriver, exactly as to a phone.
 */
import { join, resolve } from 'node:path';
import { BaseDriver, DeviceSettings, errors } from '@appium/base-driver';
import type { StringRecord } from '@appium/types';
import { util } from 'appium/support.js';
import { fromWireCaps, parseSimCaps, type SimCaps } from '../caps.js';
import { createPhone, permissionsOf, upgradePhone } from '../model/create.js';
import { background, crash } from '../model/navigation.js';
import { getProfile } from '../model/profiles.js';
import { startSessionApp } from '../model/session-start.js';
import { type PhoneState, top } from '../model/state.js';
import { PhonePathError, PhoneStore } from '../model/store.js';
import { FLAVOURS } from '../ui/java-regex.js';
import { ANDROID_STRATEGIES, IOS_STRATEGIES } from '../ui/locate.js';
import { resolveVariants } from '../variants.js';
import { parseActions } from './actions.js';
import { appCommands } from './app-commands.js';
import { elementAttribute, iosAttribute } from './attributes.js';
import { RealPhoneClock } from './cost-model.js';
import { SimDevice } from './device.js';
import { EXECUTE_METHODS, mobileCommands } from './mobile.js';
import { elementPng, screenshotPng } from './screenshot.js';

const ACTIVE = new Set<string>();
/**
 * The computer-side ports of this server's sessions (`appium:systemPort`, `appium:mjpegServerPort`),
 * checked like UiAutomator2 does: a real phone's session forwards them, so two sessions on one
 * server cannot share one. The simulated phone binds nothing; it refuses the same clashes.
 */
const PORTS = new Map<number, string>();
const PORT_CAPS = ['systemPort', 'mjpegServerPort'] as const;
type W3CCaps = { alwaysMatch?: Record<string, unknown>; firstMatch?: Record<string, unknown>[] };

type Constraints = { platformName: { presence: true; isString: true } };
type SessionResult = [string, Record<string, unknown>];

/** The simulated phone driver. */
export class SimDriver extends BaseDriver<Constraints, StringRecord, StringRecord, SessionResult> {
  static executeMethodMap = EXECUTE_METHODS;
  phone: SimDevice | undefined;
  simCaps: SimCaps | undefined;
  /** WebDriver commands received this session, by name (read by `mobile: simStats`). */
  readonly stats: Record<string, number> = {};
  private sessionCommands = 0;
  private ports: number[] = [];
  private vanished = false;
  /** Posts on the account when the session started (the vanishAfterPosts fault counts from here). */
  private postsAtStart = 0;
  private clock: RealPhoneClock | undefined;

  constructor(opts = {} as ConstructorParameters<typeof BaseDriver>[0]) {
    super(opts);
    this.desiredCapConstraints = { platformName: { presence: true, isString: true } };
    // UiAutomator2's settings and defaults; enableMultiWindows decides what lookups see (ui/windows.ts),
    // and on the simulated iPhone WebDriverAgent's respectSystemAlerts does (off by default there too).
    this.settings = new DeviceSettings(
      {
        waitForIdleTimeout: 10_000,
        waitForSelectorTimeout: 10_000,
        ignoreUnimportantViews: false,
        enableMultiWindows: false,
        respectSystemAlerts: false,
      },
      async (name, value) => {
        if (name === 'enableMultiWindows' && this.phone) this.phone.multiWindows = value === true;
        if (name === 'respectSystemAlerts' && this.phone) this.phone.respectSystemAlerts = value === true;
      },
    );
  }

  // biome-ignore lint/suspicious/noExplicitAny: Appium's legacy createSession overloads
  override async createSession(...args: any[]): Promise<SessionResult> {
    const w3c = args.find(
      (a): a is W3CCaps => !!a && typeof a === 'object' && 'alwaysMatch' in (a as object),
    );
    const raw = { ...w3c?.alwaysMatch, ...w3c?.firstMatch?.[0] };
    const plain = fromWireCaps(raw);
    const parsed = parseSimCaps(plain);
    if (!parsed.ok)
      throw new errors.SessionNotCreatedError(
        `invalid simulator capabilities: ${parsed.problems.join('; ')}`,
      );
    const caps = parsed.caps;
    const home = resolve(caps.simHome ?? join(process.env.DRAFTVAULT_HOME ?? '.draftvault', 'sim'));
    if (ACTIVE.has(join(home, caps.simDevice))) {
      throw new errors.SessionNotCreatedError(`simulated phone "${caps.simDevice}" is already in a session`);
    }
    const ports: [string, number][] = [];
    for (const k of PORT_CAPS) if (typeof plain[k] === 'number') ports.push([k, plain[k]]);
    for (const [k, port] of ports) {
      const holder = PORTS.get(port);
      if (holder)
        throw new errors.SessionNotCreatedError(
          `appium:${k} ${port} is busy: the session of simulated phone "${holder}" uses it (give each parallel session its own)`,
        );
    }
    // Reserved before the first await: parallel session requests must see each other's ports.
    this.ports = ports.map(([, p]) => p);
    for (const p of this.ports) PORTS.set(p, caps.simDevice);
    try {
      return await this.openPhone(args, plain, caps, home);
    } catch (err) {
      this.releasePorts();
      throw err;
    }
  }

  private async openPhone(
    args: unknown[],
    plain: Record<string, unknown>,
    caps: SimCaps,
    home: string,
  ): Promise<SessionResult> {
    const store = PhoneStore.of(home, caps.simDevice);
    const fresh = resolveVariants(caps.simProfile, caps.simVariants);
    if (!fresh.ok && (caps.simReset || !store.exists()))
      throw new errors.SessionNotCreatedError(`invalid simulator capabilities: ${fresh.problems.join('; ')}`);
    let state: PhoneState;
    try {
      state = caps.simReset || !store.exists() ? await createPhone(store, caps) : store.load();
    } catch (err) {
      if (err instanceof PhonePathError)
        throw new errors.SessionNotCreatedError(`simulated phone "${caps.simDevice}": ${err.message}`);
      throw err;
    }
    const platform = caps.platformName.toLowerCase() === 'ios' ? 'ios' : 'android';
    if ((state.platform ?? 'android') !== platform) {
      throw new errors.SessionNotCreatedError(
        `simulated phone "${caps.simDevice}" is an ${state.platform === 'ios' ? 'iOS' : 'Android'} phone, not ${caps.platformName} (appium:simReset recreates it)`,
      );
    }
    this.locatorStrategies = [...(platform === 'ios' ? IOS_STRATEGIES : ANDROID_STRATEGIES)];
    upgradePhone(state);
    if ('simFaults' in plain) state.faults = { ...caps.simFaults };
    // An app that is not installed is not on screen either.
    if (state.faults.notInstalled && state.app.running) background(state);
    if (caps.simVariants) {
      const v = resolveVariants(state.profile, { ...state.variants, ...caps.simVariants });
      if (!v.ok)
        throw new errors.SessionNotCreatedError(`invalid simulator capabilities: ${v.problems.join('; ')}`);
      state.variants = v.variants;
    }
    if (caps.simPermissions) state.permissions = permissionsOf(caps.simPermissions, state.permissions);
    if ('simTimeScale' in plain || caps.simReset) state.timeScale = caps.simTimeScale;
    const appProblem = startSessionApp(state, getProfile(state.profile).packageName, plain, Date.now());
    if (appProblem)
      throw new errors.SessionNotCreatedError(`simulated phone "${caps.simDevice}": ${appProblem}`);
    const [sessionId, sessionCaps] = await super.createSession(...(args as [never]));
    this.simCaps = caps;
    this.clock = caps.simCostModel === 'real-phone' ? new RealPhoneClock() : undefined;
    this.phone = new SimDevice(store, state);
    this.postsAtStart = state.posts.length;
    if (caps.simMultiWindows) await this.settings.update({ enableMultiWindows: true });
    this.phone.multiWindows = this.settings.getSettings().enableMultiWindows === true;
    this.phone.respectSystemAlerts = this.settings.getSettings().respectSystemAlerts === true;
    this.phone.regexFlavour = FLAVOURS[caps.simRegex];
    this.phone.save();
    ACTIVE.add(store.dir);
    return [
      sessionId,
      {
        ...sessionCaps,
        appPackage: this.phone.profile.packageName,
        simProfile: state.profile,
        simLocale: state.locale,
      },
    ];
  }

  override async deleteSession(sessionId?: string | null): Promise<void> {
    if (this.phone) {
      this.phone.save();
      ACTIVE.delete(this.phone.store.dir);
    }
    this.releasePorts();
    this.phone = undefined;
    await super.deleteSession(sessionId);
  }

  override async executeCommand<T = unknown>(cmd: string, ...args: unknown[]): Promise<T> {
    this.stats[cmd] = (this.stats[cmd] ?? 0) + 1;
    const phone = this.phone;
    if (!phone || cmd === 'createSession' || cmd === 'deleteSession')
      return super.executeCommand<T>(cmd, ...args);
    const latency = this.simCaps?.simLatencyMs ?? 0;
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    this.sessionCommands += 1;
    this.checkVanished(phone);
    phone.tick();
    const crashAt = phone.state.faults.crashAtCommand;
    if (crashAt > 0 && this.sessionCommands === crashAt && phone.state.app.running) crash(phone.state);
    const goneAt = phone.state.faults.disconnectAtCommand;
    if (goneAt > 0 && this.sessionCommands >= goneAt) {
      // What UiAutomator2 answers once adb has lost the phone.
      throw new errors.UnknownError(
        `Error executing adbExec. Original error: 'Command 'adb -s ${phone.state.device} shell' exited with code 1'; Stderr: 'adb: device '${phone.state.device}' not found'`,
      );
    }
    if (!this.clock) return this.run<T>(phone, cmd, args);
    // The real-phone cost model: the command runs, then its answer comes as late as a phone's would.
    const seen = {
      nodes: phone.current().placed.length,
      playing: top(phone.state).name === 'feed',
      screenBefore: phone.state.app.instance,
      screenAfter: 0,
    };
    const outcome: { result: unknown; error: unknown } = { result: undefined, error: undefined };
    try {
      outcome.result = await this.run<T>(phone, cmd, args);
    } catch (err) {
      outcome.error = err;
    }
    seen.screenAfter = phone.state.app.instance;
    const ms = this.clock.charge(cmd, args, seen, outcome, this.settings.getSettings());
    await new Promise((r) => setTimeout(r, ms));
    if (outcome.error) throw outcome.error;
    return outcome.result as T;
  }

  private async run<T>(phone: SimDevice, cmd: string, args: unknown[]): Promise<T> {
    try {
      return await super.executeCommand<T>(cmd, ...args);
    } finally {
      phone.save();
    }
  }

  /** The vanish fault: from its command on, the phone answers nothing (see caps.ts). */
  private checkVanished(phone: SimDevice): void {
    const { faults, posts } = phone.state;
    const at = faults.vanishAtCommand;
    const afterPosts = faults.vanishAfterPosts;
    const byCommand = at > 0 && this.sessionCommands >= at;
    const byPosts = afterPosts > 0 && posts.length - this.postsAtStart >= afterPosts;
    if (!this.vanished && (byCommand || byPosts)) {
      this.vanished = true;
      faults.vanishAtCommand = 0;
      faults.vanishAfterPosts = 0;
      phone.save();
    }
    if (this.vanished)
      throw new errors.UnknownError(
        `Could not proxy command to the remote server. Original error: socket hang up (simulated phone "${this.simCaps?.simDevice}" is gone)`,
      );
  }

  private releasePorts(): void {
    for (const p of this.ports) PORTS.delete(p);
    this.ports = [];
  }

  private get dev(): SimDevice {
    if (!this.phone) throw new errors.NoSuchDriverError('no session');
    return this.phone;
  }

  override async findElOrEls(
    strategy: string,
    selector: string,
    mult: boolean,
    context?: string,
    // biome-ignore lint/suspicious/noExplicitAny: BaseDriver declares one overload per `mult`
  ): Promise<any> {
    const nodes = this.dev.find(
      strategy,
      selector,
      context ? util.unwrapElement(context as never) : undefined,
    );
    if (mult) return nodes.map((p) => util.wrapElement(this.dev.elementId(p)));
    if (!nodes[0]) throw new errors.NoSuchElementError(`no element matches ${strategy} "${selector}"`);
    return util.wrapElement(this.dev.elementId(nodes[0]));
  }

  async click(el: string) {
    this.dev.click(el);
  }
  async getText(el: string) {
    return this.dev.resolve(el).node.text ?? '';
  }
  async getAttribute(name: string, el: string) {
    const p = this.dev.resolve(el);
    return this.dev.state.platform === 'ios' ? iosAttribute(p, name) : elementAttribute(p.node, name);
  }
  async getProperty(name: string, el: string) {
    return this.getAttribute(name, el);
  }
  async getName(el: string) {
    return this.dev.resolve(el).node.cls;
  }
  async elementDisplayed(el: string) {
    return !!this.dev.resolve(el);
  }
  async elementEnabled(el: string) {
    return this.dev.resolve(el).node.enabled ?? true;
  }
  async elementSelected(el: string) {
    const n = this.dev.resolve(el).node;
    return !!(n.selected || n.checked);
  }
  async getElementRect(el: string) {
    const [l, t, r, b] = this.dev.resolve(el).node.bounds;
    return { x: l, y: t, width: r - l, height: b - t };
  }
  async setValue(text: string | string[], el: string) {
    this.dev.setValue(el, Array.isArray(text) ? text.join('') : text);
  }
  async clear(el: string) {
    this.dev.setValue(el, '');
  }
  async back() {
    this.dev.back();
  }
  override async getPageSource() {
    return this.dev.xml().xml;
  }
  async getScreenshot() {
    return screenshotPng(this.dev).toString('base64');
  }
  async getElementScreenshot(el: string) {
    return elementPng(this.dev, this.dev.resolve(el).node.bounds).toString('base64');
  }
  async getWindowRect() {
    return { x: 0, y: 0, width: this.dev.profile.width, height: this.dev.profile.height };
  }
  async performActions(actions: unknown[]) {
    for (const g of parseActions(
      actions,
      (id) => this.dev.resolve(util.unwrapElement(id as never)).node.bounds,
    )) {
      if (g.kind === 'swipe') this.dev.swipe(g.x, g.y, g.x2, g.y2);
      else this.dev.tapAt(g.x, g.y, g.kind);
    }
  }
  async releaseActions() {}
  async execute(script: string, args: unknown[]) {
    if (!script.startsWith('mobile:'))
      throw new errors.NotImplementedError('only "mobile:" scripts are supported');
    return await this.executeMethod(
      script.replace(/^mobile:\s*/, 'mobile: '),
      args as [Record<string, unknown>],
    );
  }
}

Object.assign(SimDriver.prototype, appCommands, mobileCommands);
export interface SimDriver
  extends ReturnType<() => typeof appCommands>,
    ReturnType<() => typeof mobileCommands> {}

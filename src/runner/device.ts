/**
 * The device as steps and watchers reach it: the WebDriver session behind the action gate and
 * the device path policy. This is the only module that sends taps, presses, gestures or keys;
 * a structural test keeps it that way.
 */
import { checkDevicePath, DEFAULT_DEVICE_ROOTS } from '../core/paths.js';
import { DraftvaultError } from '../errors.js';
import type { Device, FoundElement, Point, Rect, W3CActionSequence } from '../steps/types.js';
import { ActionGate, type GatedAction } from './gate.js';
import { gesturePaths, MOBILE_GESTURES } from './gestures.js';
import { FoundMemory } from './memory.js';
import { hasActingKey, pointerPaths, pressesKeys, touchSequence } from './w3c.js';
import { isStale, sessionReader } from './wd-reads.js';

/** Options of {@link GatedDevice}. */
export interface GatedDeviceOptions {
  platform: 'android' | 'ios';
  /** Device folders steps may use (default: the media folders). */
  deviceRoots?: readonly string[];
}

/** A device whose every activating action passes the {@link ActionGate}. */
export class GatedDevice implements Device {
  readonly platform: 'android' | 'ios';
  readonly gate: ActionGate;
  private readonly roots: readonly string[];
  private size: { width: number; height: number } | undefined;
  /** Counts what was sent that may change the screen: an element found since is still current. */
  private sent = 0;
  /** What lookups found since the last such command (every flow run on the session shares it). */
  readonly memory = new FoundMemory(() => this.sent);

  constructor(
    private readonly s: WebdriverIO.Browser,
    o: GatedDeviceOptions,
  ) {
    this.platform = o.platform;
    this.roots = o.deviceRoots ?? DEFAULT_DEVICE_ROOTS;
    this.gate = new ActionGate(sessionReader(s, o.platform));
  }

  private async perform(action: GatedAction, send: () => Promise<unknown>): Promise<void> {
    await this.gate.check(action);
    this.sent += 1;
    await send();
  }

  /**
   * Run `op` on a remembered element; if the element has left the screen meanwhile (the gate
   * refuses or the command fails for that reason, before anything was sent), look it up again
   * and run `op` once more, gate included.
   */
  private async fresh<T>(el: FoundElement, op: (el: FoundElement) => Promise<T>): Promise<T> {
    if (!el.refind) return op(el);
    try {
      return await op(el);
    } catch (err) {
      if (!isStale(err)) throw err;
      return op(await el.refind());
    }
  }

  /** A command that may change the screen and passes no gate (Back, typing, app start). */
  private async changes<T>(send: () => Promise<T>): Promise<T> {
    this.sent += 1;
    return send();
  }

  private async pointer(what: string, sequences: W3CActionSequence[], paths: Point[][]): Promise<void> {
    await this.perform({ kind: 'pointer', what, paths }, async () => {
      await this.s.performActions(sequences as never);
      await this.s.releaseActions();
    });
  }

  async tap(target: FoundElement): Promise<void> {
    await this.fresh(target, (el) =>
      this.perform({ kind: 'element', what: `tap ${el.described}`, elementId: el.id }, () =>
        this.s.elementClick(el.id),
      ),
    );
  }

  async tapAt(p: Point): Promise<void> {
    await this.pointer(`tap at ${p.x},${p.y}`, [touchSequence(p)], [[p]]);
  }

  async longPress(target: FoundElement | Point, ms: number): Promise<void> {
    if ('id' in target) {
      return this.fresh(target, async (el) => {
        const r = await this.s.getElementRect(el.id);
        const c = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        await this.perform(
          { kind: 'element', what: `long-press ${el.described}`, elementId: el.id },
          async () => {
            await this.s.performActions([touchSequence(c, c, 0, ms)] as never);
            await this.s.releaseActions();
          },
        );
      });
    }
    await this.pointer(
      `long-press at ${target.x},${target.y}`,
      [touchSequence(target, target, 0, ms)],
      [[target]],
    );
  }

  async swipe(from: Point, to: Point, ms: number): Promise<void> {
    await this.pointer(`swipe from ${from.x},${from.y}`, [touchSequence(from, to, ms)], [[from, to]]);
  }

  async type(target: FoundElement, text: string): Promise<void> {
    // Enter (a line break, U+E007, U+E006) or any key code acts where the focus is: gated.
    if (hasActingKey(text))
      await this.gate.check({ kind: 'anywhere', what: `press Enter or a key in ${target.described}` });
    await this.fresh(target, (el) =>
      this.changes(async () => {
        await this.s.elementClear(el.id);
        await this.s.elementSendKeys(el.id, text);
      }),
    );
  }

  async clear(target: FoundElement): Promise<void> {
    await this.fresh(target, (el) => this.changes(() => this.s.elementClear(el.id)));
  }

  async actions(sequences: readonly W3CActionSequence[]): Promise<void> {
    let paths: Point[][];
    try {
      paths = await pointerPaths(sequences, (id) => this.s.getElementRect(id));
    } catch (cause) {
      // What the gate cannot read, it does not send.
      throw new DraftvaultError('E_PRIVACY_UNPROVEN', 'refused to perform W3C actions it cannot read', {
        hint: 'send pointer actions with numeric x/y and a viewport, pointer or element origin',
        cause,
      });
    }
    // Keys act where the focus is: gated like a touch of every publish control.
    if (pressesKeys(sequences)) await this.gate.check({ kind: 'anywhere', what: 'press keys (W3C actions)' });
    await this.pointer('perform W3C actions', [...sequences], paths);
  }

  async mobileGesture(name: string, args: Record<string, unknown>): Promise<void> {
    let paths: Point[][];
    try {
      if (!MOBILE_GESTURES.includes(name)) throw new Error(`"${name}" is not a gesture draftvault sends`);
      paths = await gesturePaths(name, args, (id) => this.s.getElementRect(id));
    } catch (cause) {
      throw new DraftvaultError(
        'E_PRIVACY_UNPROVEN',
        `refused to send ${name}: cannot tell where it touches`,
        {
          hint: `gestures draftvault sends: ${MOBILE_GESTURES.join(', ')}`,
          cause,
        },
      );
    }
    await this.perform({ kind: 'pointer', what: name, paths }, () => this.s.execute(name, args));
  }

  async back(): Promise<void> {
    await this.changes(() => this.s.back());
  }

  async isKeyboardShown(): Promise<boolean> {
    return !!(await this.s.isKeyboardShown());
  }

  async launchApp(appId: string): Promise<void> {
    await this.changes(() => this.s.activateApp(appId));
  }

  async stopApp(appId: string): Promise<void> {
    await this.changes(() => this.s.terminateApp(appId));
  }

  rect(target: FoundElement): Promise<Rect> {
    return this.fresh(target, (el) => this.s.getElementRect(el.id));
  }

  text(target: FoundElement): Promise<string> {
    return this.fresh(target, async (el) => (await this.s.getElementText(el.id)) ?? '');
  }

  attribute(target: FoundElement, name: string): Promise<string | null> {
    return this.fresh(target, async (el) => (await this.s.getElementAttribute(el.id, name)) ?? null);
  }

  async windowSize(): Promise<{ width: number; height: number }> {
    this.size ??= await this.s.getWindowSize();
    return this.size;
  }

  async screenshot(): Promise<Buffer> {
    return Buffer.from(await this.s.takeScreenshot(), 'base64');
  }

  async elementScreenshot(el: FoundElement): Promise<Buffer> {
    return Buffer.from(await this.s.takeElementScreenshot(el.id), 'base64');
  }

  pageSource(): Promise<string> {
    return this.s.getPageSource();
  }

  async pushFile(devicePath: string, bytes: Buffer): Promise<void> {
    await this.s.pushFile(checkDevicePath(devicePath, this.roots), bytes.toString('base64'));
  }

  async pullFile(devicePath: string): Promise<Buffer> {
    return Buffer.from(await this.s.pullFile(checkDevicePath(devicePath, this.roots)), 'base64');
  }

  async deleteFile(devicePath: string): Promise<void> {
    await this.s.execute('mobile: deleteFile', { remotePath: checkDevicePath(devicePath, this.roots) });
  }
}

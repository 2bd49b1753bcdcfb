/**
 * One simulated phone during a session: renders the screen, resolves element references, turns
 * taps and gestures into app actions, and persists the phone after every command.
 */
import { errors } from '@appium/base-driver';
import { type AppEnv, back, dispatch } from '../model/app.js';
import { finishSplash } from '../model/navigation.js';
import { tick } from '../model/posting.js';
import { getProfile } from '../model/profiles.js';
import { type PhoneState, top } from '../model/state.js';
import type { PhoneStore } from '../model/store.js';
import { render, screenCtx } from '../screens/index.js';
import { toAndroidXml, type XmlTree } from '../ui/android-xml.js';
import { toIosXml } from '../ui/ios-xml.js';
import { FLAVOURS, type RegexFlavour } from '../ui/java-regex.js';
import { InvalidSelectorError, locate, locateIos } from '../ui/locate.js';
import {
  type Action,
  center,
  contains,
  finalize,
  hitTest,
  type PlacedNode,
  type UiNode,
} from '../ui/node.js';
import { iosSearchedNodes, searchedNodes, springBoardInFront } from '../ui/windows.js';

/** A rendered screen, cached until the state changes. */
interface Frame {
  root: UiNode;
  placed: PlacedNode[];
  xml?: XmlTree;
  /** The window settings `xml` was built for. */
  xmlMode?: string;
}

/** The phone behind a session. */
export class SimDevice {
  private frame: Frame | undefined;
  /** UiAutomator2's `enableMultiWindows` setting (ui/windows.ts): off, as on a phone by default. */
  multiWindows = false;
  /** WebDriverAgent's `respectSystemAlerts` setting (ui/windows.ts): off, as by default. */
  respectSystemAlerts = false;
  /** How UiSelector regexes are read (caps `simRegex`; ui/java-regex.ts): strict desktop Java by default. */
  regexFlavour: RegexFlavour = FLAVOURS.strict;

  constructor(
    readonly store: PhoneStore,
    readonly state: PhoneState,
  ) {}

  get profile() {
    return getProfile(this.state.profile);
  }

  /** Advance time-based things (splash, uploads, saves) to now. Call before every command. */
  tick(now = Date.now()): void {
    const s = top(this.state);
    if (this.state.app.running && s.name === 'splash' && now >= s.until) finishSplash(this.state);
    tick(this.state, this.store, now);
    this.frame = undefined;
  }

  save(): void {
    this.store.save(this.state);
  }

  private env(): AppEnv {
    return { store: this.store, now: Date.now() };
  }

  /** Dispatch an app action (the result of a tap), then invalidate the frame. */
  act(action: Action): void {
    dispatch(this.state, action, this.env());
    this.frame = undefined;
  }

  current(): Frame {
    if (!this.frame) {
      const root = render(screenCtx(this.state, this.store, Date.now()));
      const placed = finalize(root);
      // XCUITest's root element is the application in front, labelled with its name.
      if (this.state.platform === 'ios') root.desc = this.iosAppName(placed);
      this.frame = { root, placed };
    }
    return this.frame;
  }

  /** The page source (and what xpath searches): the windows UiAutomator2 would show. */
  xml(): XmlTree {
    const f = this.current();
    const mode = `${this.multiWindows}/${this.respectSystemAlerts}`;
    if (!f.xml || f.xmlMode !== mode) {
      f.xmlMode = mode;
      f.xml =
        this.state.platform === 'ios'
          ? toIosXml(iosSearchedNodes(f.placed, this.respectSystemAlerts), this.iosAppName())
          : toAndroidXml(
              searchedNodes(f.placed, undefined, this.multiWindows),
              this.profile.width,
              this.profile.height,
            );
    }
    return f.xml;
  }

  /** The iOS application in front: the home screen is SpringBoard's. */
  private iosAppName(placed = this.current().placed): string {
    if (springBoardInFront(placed, this.respectSystemAlerts)) return 'SpringBoard';
    return top(this.state).name === 'launcher' ? 'SpringBoard' : 'TikTok';
  }

  /** Element reference: screen instance + node key (a new screen makes old references stale). */
  elementId(p: PlacedNode): string {
    return `${this.state.app.instance}:${p.key}`;
  }

  resolve(elementId: string): PlacedNode {
    const [inst, ...rest] = elementId.split(':');
    const key = rest.join(':');
    const found = this.current().placed.find((p) => p.key === key);
    if (!found || Number(inst) !== this.state.app.instance) {
      throw new errors.StaleElementReferenceError(`element ${elementId} is no longer on the screen`);
    }
    return found;
  }

  /** Find nodes; `-android uiautomator` with UiScrollable scrolls the drafts grid to find more. */
  find(strategy: string, selector: string, contextId?: string): PlacedNode[] {
    const run = () => {
      const f = this.current();
      let placed =
        this.state.platform === 'ios'
          ? iosSearchedNodes(f.placed, this.respectSystemAlerts)
          : searchedNodes(f.placed, strategy, this.multiWindows);
      if (contextId) {
        const ctx = this.resolve(contextId);
        placed = placed.filter((p) => p !== ctx && isDescendant(p, ctx));
      }
      try {
        if (this.state.platform === 'ios') {
          return { nodes: locateIos(strategy, selector, placed, () => this.xml()), scrollIntoView: false };
        }
        return locate(
          strategy,
          selector,
          placed,
          () => this.xml(),
          this.profile.packageName,
          this.regexFlavour,
        );
      } catch (err) {
        if (err instanceof InvalidSelectorError) throw new errors.InvalidSelectorError(err.message);
        throw err;
      }
    };
    let res = run();
    for (let i = 0; res.scrollIntoView && res.nodes.length === 0 && i < 50; i++) {
      const s = top(this.state);
      if (s.name !== 'drafts') break;
      const before = s.scroll;
      this.act({ type: 'draftsScroll', rows: 3 });
      if (s.scroll === before) break;
      res = run();
    }
    return res.nodes;
  }

  /** A finger tap at (x, y): the topmost touchable node there receives it. */
  tapAt(x: number, y: number, kind: 'tap' | 'longPress' = 'tap'): void {
    const hit = hitTest(this.current().root, x, y, kind);
    const action =
      hit && (hit.enabled ?? true)
        ? kind === 'longPress'
          ? (hit.longPress ?? hit.tap)
          : hit.tap
        : undefined;
    if (action) this.act(action);
  }

  click(elementId: string): void {
    const [x, y] = center(this.resolve(elementId).node.bounds);
    this.tapAt(x, y);
  }

  /** A swipe from (x1, y1) to (x2, y2): scrolls the drafts grid, or the share row sideways, when it starts on it. */
  swipe(x1: number, y1: number, x2: number, y2: number): void {
    const s = top(this.state);
    const dy = y1 - y2;
    const dx = x1 - x2;
    const row = this.current().placed.find((p) => p.key === 'share.row');
    if (row && contains(row.node.bounds, x1, y1) && Math.abs(dx) > 100) {
      const w = row.node.bounds[2] - row.node.bounds[0];
      this.act({
        type: 'shareScroll',
        items: Math.sign(dx) * Math.max(1, Math.round((Math.abs(dx) / w) * 4)),
      });
      return;
    }
    if (s.name === 'drafts' && Math.abs(dy) > 100) {
      this.act({ type: 'draftsScroll', rows: Math.sign(dy) * Math.max(1, Math.round(Math.abs(dy) / 380)) });
    }
  }

  setValue(elementId: string, text: string): void {
    const node = this.resolve(elementId).node;
    if (!node.input) throw new errors.InvalidElementStateError('element is not editable');
    this.act({ ...node.input, text });
  }

  back(): void {
    if (this.state.app.running) back(this.state);
    this.frame = undefined;
  }
}

function isDescendant(p: PlacedNode, ancestor: PlacedNode): boolean {
  for (let q = p.parent; q; q = q.parent) if (q === ancestor) return true;
  return false;
}

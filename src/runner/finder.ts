/**
 * Finding elements with auto-wait: poll the element lookups themselves at a short interval until
 * the timeout (never the page source), try a selector's alternatives in order, and, when a
 * lookup misses, let the pop-up watchers clear known interruptions. Watchers are consulted only
 * on evidence (a miss, a tap that did not take) and then in one combined lookup: every watcher
 * alternative a UiSelector (or an NSPredicate) can say, as one request; only when it finds
 * something is each watcher looked up in turn. Watchers cost nothing while the screen is as
 * expected.
 */
import { type Alternative, describeAlternative } from '../core/selectors.js';
import { waitUntil } from '../core/wait.js';
import { type Locator, toLocator } from '../drivers/locators.js';
import { DraftvaultError, type Span } from '../errors.js';
import type { Device, FoundElement, SelectorRef } from '../steps/types.js';
import { alternativesAsOne, combinedProbe } from './combine.js';
import type { FoundMemory } from './memory.js';
import { elementIds } from './wd-reads.js';

/** A selector made concrete for this device. */
export interface ResolvedSelector {
  /** e.g. `nav.profile (the Profile tab)` or `text="Post"`. */
  description: string;
  alternatives: Alternative[];
  /** For a named selector: its name and where its file defines it (failures say what to edit). */
  name?: string;
  definedAt?: Span;
}

/** A watcher made concrete. */
export interface ResolvedWatcher {
  name: string;
  selector: ResolvedSelector;
  action: 'tap' | 'back';
}

/** What the finder needs. */
export interface FinderDeps {
  session: WebdriverIO.Browser;
  /** Watchers act through the gated device, like steps. */
  device: Device;
  platform: 'android' | 'ios';
  resolve(ref: SelectorRef): ResolvedSelector;
  watchers: ResolvedWatcher[];
  signal: AbortSignal;
  /** Poll interval (ms). */
  pollMs: number;
  /** Told when a watcher cleared a pop-up. */
  onWatcher(name: string, action: string): void;
  /** What lookups found while nothing was sent to the screen (the session's, shared by flows). */
  memory: FoundMemory;
}

/** Element lookups with auto-wait. */
export class Finder {
  private probe: { combined?: Locator; rest: Alternative[] } | undefined;

  constructor(private readonly d: FinderDeps) {}

  private get memory(): FoundMemory {
    return this.d.memory;
  }

  private watcherProbe(): { combined?: Locator; rest: Alternative[] } {
    this.probe ??= combinedProbe(
      this.d.watchers.flatMap((w) => w.selector.alternatives),
      this.d.platform,
      (name) => this.d.resolve(name).alternatives,
    );
    return this.probe;
  }

  /**
   * Could a watcher's pop-up be on screen? One request for every joinable alternative; the
   * others (an xpath: a full hierarchy dump on a real phone) only when `thorough`, i.e. when the
   * screen has stayed unexpected after a first look.
   */
  private async anyWatcherShows(thorough: boolean): Promise<boolean> {
    const { combined, rest } = this.watcherProbe();
    if (combined && (await this.lookup(combined)).length > 0) return true;
    if (!thorough) return false;
    for (const alt of rest) {
      if (await this.findNow({ description: describeAlternative(alt), alternatives: [alt] })) return true;
    }
    return false;
  }

  private async lookup(loc: Locator, within?: string): Promise<string[]> {
    const refs = within
      ? await this.d.session.findElementsFromElement(within, loc.using, loc.value)
      : await this.d.session.findElements(loc.using, loc.value);
    return elementIds(refs);
  }

  /** One look: the first alternative that matches now, or undefined. */
  async findNow(sel: ResolvedSelector, nth?: number): Promise<string | undefined> {
    const one = alternativesAsOne(sel.alternatives, this.d.platform, nth);
    const id = one ? (await this.lookup(one))[0] : await this.inTurn(sel, nth);
    if (id) this.memory.remember(sel.alternatives, nth, id);
    else this.memory.rememberMiss(sel.alternatives, nth);
    return id;
  }

  private async inTurn(sel: ResolvedSelector, nth?: number): Promise<string | undefined> {
    for (const alt of sel.alternatives) {
      const loc = toLocator(alt, this.d.platform);
      if (!loc) continue;
      const ids = alt.within
        ? await this.inContainer(this.d.resolve(alt.within), loc)
        : await this.lookup(loc);
      if (!ids?.length) continue;
      const i = nth ?? alt.index ?? 0;
      const id = i < 0 ? ids[ids.length + i] : ids[i];
      if (id) return id;
    }
    return undefined;
  }

  /** Matches inside a container (the one just found, if so); undefined when it is not there. */
  private async inContainer(container: ResolvedSelector, loc: Locator): Promise<string[] | undefined> {
    const known = this.memory.recall(container.alternatives);
    if (known) {
      try {
        return await this.lookup(loc, known);
      } catch {
        // It has left the screen after all: look for it again.
        this.memory.forget(container.alternatives);
      }
    }
    const id = await this.findNow(container);
    return id ? this.lookup(loc, id) : undefined;
  }

  /**
   * Tap or Back away any known pop-up on screen; true when one was cleared. `thorough: false`
   * (a first look) skips the watcher alternatives that cannot join the one combined lookup.
   */
  async clearInterruptions(thorough = true): Promise<boolean> {
    if (this.d.watchers.length === 0 || !(await this.anyWatcherShows(thorough))) return false;
    for (const w of this.d.watchers) {
      const id = await this.findNow(w.selector);
      if (!id) continue;
      if (w.action === 'back') await this.d.device.back();
      else await this.d.device.tap({ id, described: `${w.selector.description} (watcher "${w.name}")` });
      this.d.onWatcher(w.name, w.action);
      return true;
    }
    return false;
  }

  /**
   * Wait until `ref` is on screen; E_ELEMENT_NOT_FOUND says what was searched for. An element
   * a lookup has just found (a tap's `until`, the step before) is taken without looking again
   * while nothing was sent to the screen since; if it has gone after all, the device looks again.
   */
  async find(ref: SelectorRef, timeoutMs: number, nth?: number): Promise<FoundElement> {
    const sel = this.d.resolve(ref);
    const known = this.memory.recall(sel.alternatives, nth);
    if (known) {
      const refind = () => {
        this.memory.forget(sel.alternatives, nth);
        return this.find(ref, timeoutMs, nth);
      };
      return { id: known, described: sel.description, refind };
    }
    const id = await this.poll(sel, timeoutMs, nth);
    if (id) return { id, described: sel.description };
    throw notFound(sel, timeoutMs);
  }

  /**
   * Is `ref` there within `timeoutMs` (0: one look, after clearing pop-ups)? A one look that a
   * lookup has just answered "not there" (less than a poll ago, nothing sent since) is not repeated.
   */
  async visible(ref: SelectorRef, timeoutMs: number): Promise<boolean> {
    const sel = this.d.resolve(ref);
    const recent = timeoutMs === 0 ? this.recent(sel) : undefined;
    if (recent && recent.id === undefined) return false;
    return (await this.poll(sel, timeoutMs)) !== undefined;
  }

  /**
   * Is `ref` on screen right now? One look, no pop-up watchers (a caller that clears them
   * itself, a `notVisible:` condition); a look just made is not repeated.
   */
  async present(ref: SelectorRef): Promise<boolean> {
    const sel = this.d.resolve(ref);
    const recent = this.recent(sel);
    if (recent) return recent.id !== undefined;
    return (await this.findNow(sel)) !== undefined;
  }

  /** The answer of a lookup of `sel` made less than a poll ago, nothing sent since. */
  private recent(sel: ResolvedSelector) {
    return this.memory.recent(sel.alternatives, undefined, this.d.pollMs);
  }

  /** Can the element still be read (not stale, not removed)? */
  private async stillThere(id: string): Promise<boolean> {
    try {
      await this.d.session.getElementRect(id);
      return true;
    } catch {
      return false;
    }
  }

  /** Wait until `ref` is gone; E_ASSERTION_FAILED when it stays. */
  async waitGone(ref: SelectorRef, timeoutMs: number): Promise<void> {
    const sel = this.d.resolve(ref);
    // While the element found last is still there (one read of it, where a full look runs every
    // alternative's lookup over the whole tree), skip the full look: an upload wait polls for minutes.
    let seen: string | undefined;
    const gone = await waitUntil(
      async () => {
        seen = await this.findNow(sel);
        return seen ? undefined : true;
      },
      {
        timeoutMs,
        intervalMs: this.d.pollMs,
        signal: this.d.signal,
        probe: async () => !seen || !(await this.stillThere(seen)),
      },
    );
    if (!gone) {
      throw new DraftvaultError(
        'E_ASSERTION_FAILED',
        `${sel.description} is still on screen after ${seconds(timeoutMs)}`,
        {
          hint: 'it did not go away: a slower phone needs a longer timeout, or the screen is not the expected one',
        },
      );
    }
  }

  private async poll(sel: ResolvedSelector, timeoutMs: number, nth?: number): Promise<string | undefined> {
    let lastWatch = 0;
    let probes = 0;
    return waitUntil(() => this.findNow(sel, nth), {
      timeoutMs,
      intervalMs: this.d.pollMs,
      signal: this.d.signal,
      // A miss: maybe a pop-up is in the way. Check watchers at most once a second while waiting,
      // the costly ones from the second check on (the element is still missing a second later).
      onMiss: async () => {
        if (Date.now() - lastWatch < 1000) return false;
        lastWatch = Date.now();
        return this.clearInterruptions(probes++ > 0);
      },
    });
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function notFound(sel: ResolvedSelector, timeoutMs: number): DraftvaultError {
  const tried = sel.alternatives.map(describeAlternative);
  return new DraftvaultError(
    'E_ELEMENT_NOT_FOUND',
    `${sel.description}: not found within ${seconds(timeoutMs)}`,
    {
      hint: tried.length
        ? `tried, in order: ${tried.join('; ')}`
        : 'the selector has no alternative for this platform, app version or locale',
      details: { tried, alternatives: sel.alternatives, selector: sel.name, definedAt: sel.definedAt },
    },
  );
}

/**
 * Finding elements with auto-wait: poll the element lookups themselves at a short interval until
 * the timeout (never the page source), try a selector's alternatives in order, and, when a
 * lookup misses, let the pop-up watchers clear known interruptions. Watchers cost nothing while
 * the screen is as expected.
 */
import type { Alternative } from '../core/selectors.js';
import { describeAlternative } from '../core/selectors.js';
import { waitUntil } from '../core/wait.js';
import { type Locator, toLocator } from '../drivers/locators.js';
import { DraftvaultError, type Span } from '../errors.js';
import type { Device, FoundElement, SelectorRef } from '../steps/types.js';
import { elementIds } from './device.js';

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
}

/** Element lookups with auto-wait. */
export class Finder {
  constructor(private readonly d: FinderDeps) {}

  private async lookup(loc: Locator, within?: string): Promise<string[]> {
    const refs = within
      ? await this.d.session.findElementsFromElement(within, loc.using, loc.value)
      : await this.d.session.findElements(loc.using, loc.value);
    return elementIds(refs);
  }

  /** One look: the first alternative that matches now, or undefined. */
  async findNow(sel: ResolvedSelector, nth?: number): Promise<string | undefined> {
    for (const alt of sel.alternatives) {
      const loc = toLocator(alt, this.d.platform);
      if (!loc) continue;
      let container: string | undefined;
      if (alt.within) {
        container = await this.findNow(this.d.resolve(alt.within));
        if (!container) continue;
      }
      const ids = await this.lookup(loc, container);
      if (ids.length === 0) continue;
      const i = nth ?? alt.index ?? 0;
      const id = i < 0 ? ids[ids.length + i] : ids[i];
      if (id) return id;
    }
    return undefined;
  }

  /** Tap or Back away any known pop-up on screen; true when one was cleared. */
  async clearInterruptions(): Promise<boolean> {
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

  /** Wait until `ref` is on screen; E_ELEMENT_NOT_FOUND says what was searched for. */
  async find(ref: SelectorRef, timeoutMs: number, nth?: number): Promise<FoundElement> {
    const sel = this.d.resolve(ref);
    const id = await this.poll(sel, timeoutMs, nth);
    if (id) return { id, described: sel.description };
    throw notFound(sel, timeoutMs);
  }

  /** Is `ref` there within `timeoutMs` (0: one look, after clearing pop-ups)? */
  async visible(ref: SelectorRef, timeoutMs: number): Promise<boolean> {
    return (await this.poll(this.d.resolve(ref), timeoutMs)) !== undefined;
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
    return waitUntil(() => this.findNow(sel, nth), {
      timeoutMs,
      intervalMs: this.d.pollMs,
      signal: this.d.signal,
      // A miss: maybe a pop-up is in the way. Check watchers at most once a second while waiting.
      onMiss: async () => {
        if (Date.now() - lastWatch < 1000) return false;
        lastWatch = Date.now();
        return this.clearInterruptions();
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

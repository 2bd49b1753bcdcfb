/**
 * Found-element memory: what the last lookups found, valid only while nothing that may change
 * the screen was sent since (the device's epoch has not moved). A step whose own lookup repeats
 * the one just made (a tap's `until`, then the next step's find) takes the element from here.
 */
import type { Alternative } from '../core/selectors.js';

/** Element ids by selector, for the current epoch of the device. */
export class FoundMemory {
  private readonly ids = new Map<string, string>();
  private at = -1;

  constructor(private readonly epoch: () => number) {}

  private current(): Map<string, string> {
    const now = this.epoch();
    if (now !== this.at) {
      this.ids.clear();
      this.at = now;
    }
    return this.ids;
  }

  /** The element found for these alternatives since the screen last may have changed. */
  recall(alternatives: readonly Alternative[], nth?: number): string | undefined {
    return this.current().get(key(alternatives, nth));
  }

  remember(alternatives: readonly Alternative[], nth: number | undefined, id: string): void {
    this.current().set(key(alternatives, nth), id);
  }

  forget(alternatives: readonly Alternative[], nth?: number): void {
    this.current().delete(key(alternatives, nth));
  }
}

function key(alternatives: readonly Alternative[], nth?: number): string {
  return `${nth ?? ''}|${JSON.stringify(alternatives)}`;
}

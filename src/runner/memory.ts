/**
 * Found-element memory: what the last lookups found, valid only while nothing that may change
 * the screen was sent since (the device's epoch has not moved). A step whose own lookup repeats
 * the one just made (a tap's `until`, then the next step's find) takes the element from here;
 * the action it sends finds out if the element has gone after all. A miss is kept too, with its
 * time: a one-look question asked again a moment later (a wait that ended with the element gone,
 * then `when: visible` of it) has its answer without a new lookup.
 */
import type { Alternative } from '../core/selectors.js';

interface Answer {
  /** The element found; undefined: the lookup found nothing. */
  id?: string;
  at: number;
}

/** Lookup answers by selector, for the current epoch of the device. */
export class FoundMemory {
  private readonly answers = new Map<string, Answer>();
  private at = -1;

  constructor(private readonly epoch: () => number) {}

  private current(): Map<string, Answer> {
    const now = this.epoch();
    if (now !== this.at) {
      this.answers.clear();
      this.at = now;
    }
    return this.answers;
  }

  /** The element found for these alternatives since the screen last may have changed. */
  recall(alternatives: readonly Alternative[], nth?: number): string | undefined {
    return this.current().get(key(alternatives, nth))?.id;
  }

  remember(alternatives: readonly Alternative[], nth: number | undefined, id: string): void {
    this.current().set(key(alternatives, nth), { id, at: Date.now() });
  }

  /** A lookup of these alternatives found nothing, now. */
  rememberMiss(alternatives: readonly Alternative[], nth: number | undefined): void {
    this.current().set(key(alternatives, nth), { at: Date.now() });
  }

  /** The answer of a lookup made less than `ms` ago with nothing sent since, if there is one. */
  recent(alternatives: readonly Alternative[], nth: number | undefined, ms: number): Answer | undefined {
    const a = this.current().get(key(alternatives, nth));
    return a && Date.now() - a.at < ms ? a : undefined;
  }

  forget(alternatives: readonly Alternative[], nth?: number): void {
    this.current().delete(key(alternatives, nth));
  }
}

function key(alternatives: readonly Alternative[], nth?: number): string {
  return `${nth ?? ''}|${JSON.stringify(alternatives)}`;
}

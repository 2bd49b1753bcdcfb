/**
 * The order test files start in: longest first, so that on 2 cores no long file starts last and
 * runs alone at the end. Vitest's own sequencer orders by the durations in its cache, which a
 * clean clone (CI) does not have: there it keeps the glob order, and a 150 s file could start
 * last. This one falls back to the durations committed in test/durations.json (refreshed with
 * `node scripts/record-durations.mjs <vitest json report>`), then to file size, as vitest does.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** `project:path` → milliseconds, from the last recorded run. */
function committed(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(new URL('../durations.json', import.meta.url), 'utf8')) as Record<
      string,
      number
    >;
  } catch {
    // No recorded durations (a new checkout of an old tree): the order is only less good.
    return {};
  }
}

/** Longest first, by the cache's durations, else the committed ones, else by size. */
export default class LongestFirst extends BaseSequencer {
  private readonly recorded = committed();

  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const root = this.ctx.config.root;
    const weight = (s: TestSpecification): number => {
      const key = `${s.project.name}:${relative(root, s.moduleId)}`;
      // A file that failed last time runs first, as with vitest's own order (it is the one you wait for).
      const cached = cache.getFileTestResults(key);
      if (cached?.failed) return Number.MAX_SAFE_INTEGER;
      // Unknown files (new ones) go before known ones: they may be long.
      return cached?.duration ?? this.recorded[key] ?? Number.MAX_SAFE_INTEGER - 1;
    };
    const size = (s: TestSpecification) =>
      cache.getFileStats(`${s.project.name}:${relative(root, s.moduleId)}`)?.size ?? 0;
    return [...files].sort((a, b) => weight(b) - weight(a) || size(b) - size(a));
  }
}

/** The benchmark's sections, in the order they run and print. */
import { coldStart, versionTime } from './cli-times.mjs';
import { compare } from './compare.mjs';
import { memory } from './memory.mjs';
import { phones } from './phones.mjs';
import { poll } from './poll.mjs';
import { pull } from './pull.mjs';

export const sections = {
  compare: (ctx) => compare(ctx),
  version: (ctx) => versionTime(ctx),
  cold: (ctx) => coldStart(ctx),
  memory: (ctx) => memory(ctx),
  pull: (ctx) => pull(ctx),
  phones: (ctx) => phones(ctx),
  poll: (ctx) => poll(ctx),
};

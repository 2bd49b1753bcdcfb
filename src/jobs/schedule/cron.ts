/**
 * A nightly run as one crontab line, for hosts without a systemd user manager. cron's PATH and
 * environment are minimal, so the line sets what the run needs and uses absolute paths; its
 * output goes to a log in the data home. Each line ends with a marker comment naming the
 * device, which is how status and remove find draftvault's lines among the user's own.
 */
import { join } from 'node:path';
import { cronPattern, runArgv, type ScheduledRun } from './plan.js';
import type { UnitHeader } from './systemd.js';

const MARKER = '# draftvault-schedule: ';

/** Quote for /bin/sh; `%` escaped for cron (an unescaped one ends the command). */
function sh(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`.replace(/%/g, '\\%');
}

/** Where a cron run's output goes. */
export function cronLog(r: ScheduledRun): string {
  return join(r.home, 'logs', `cron-${r.key}.log`);
}

/** The crontab line for `r`. */
export function cronLine(r: ScheduledRun): string {
  const env = Object.entries(r.env).map(([k, v]) => `${k}=${sh(v)}`);
  // A `%` would end cron's command even in a comment: JSON can spell it \u0025.
  const header = JSON.stringify({
    device: r.device,
    key: r.key,
    at: r.at,
    home: r.home,
  } satisfies UnitHeader).replace(/%/g, '\\u0025');
  return [
    cronPattern(r.at, false),
    `cd ${sh(r.cwd)} &&`,
    ...env,
    'exec',
    ...runArgv(r).map(sh),
    `>>${sh(cronLog(r))} 2>&1`,
    `${MARKER}${header}`,
  ].join(' ');
}

/** The header of a line draftvault wrote, or undefined for the user's own lines. */
export function readCronHeader(line: string): UnitHeader | undefined {
  const i = line.lastIndexOf(MARKER);
  if (i < 0 || line.trimStart().startsWith('#')) return undefined;
  try {
    return JSON.parse(line.slice(i + MARKER.length)) as UnitHeader;
  } catch {
    return undefined;
  }
}

/**
 * The table with draftvault's lines for `keys` taken out (all of them when `keys` is
 * undefined) and `add` appended. Every other line stays as it was.
 */
export function editTable(table: string, o: { keys?: ReadonlySet<string>; add?: readonly string[] }): string {
  const kept = table
    .split('\n')
    .filter((l) => {
      const h = readCronHeader(l);
      return !h || (o.keys !== undefined && !o.keys.has(h.key));
    })
    .join('\n')
    .replace(/\n+$/, '');
  const lines = [kept, ...(o.add ?? [])].filter((l) => l.length > 0);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/**
 * A nightly run as a systemd user timer and its oneshot service. `Persistent=true` makes a night
 * the machine was off run at the next boot. Values are escaped for unit files: `%` is a
 * specifier and `$` a variable in ExecStart=, and arguments with spaces or quotes are quoted
 * C-style, so any path survives (checked with `systemd-analyze verify` in the tests).
 */
import { parseClock, runArgv, type ScheduledRun } from './plan.js';

/** The prefix of every unit draftvault writes (status and remove look for it). */
export const UNIT_PREFIX = 'draftvault-backup-';

/** The first line of each unit: what it is for, as JSON, so status and remove can read it back. */
const HEADER = '# draftvault-schedule: ';

/** What a unit's header says. */
export interface UnitHeader {
  device: string;
  key: string;
  at: string;
  home: string;
}

/** A unit file to write. */
export interface UnitFile {
  name: string;
  text: string;
}

function specifiers(s: string): string {
  return s.replace(/%/g, '%%');
}

/** One ExecStart= word: bare when plain, else double-quoted with C escapes. */
function execWord(s: string): string {
  const plain = /^[A-Za-z0-9_@+=:,./-]+$/.test(s);
  const quoted = plain ? s : `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return specifiers(quoted).replace(/\$/g, '$$$$');
}

/** `Environment="KEY=value"`. */
function envLine(k: string, v: string): string {
  return `Environment="${specifiers(`${k}=${v}`.replace(/\\/g, '\\\\').replace(/"/g, '\\"'))}"`;
}

/** The timer and service for `r`. */
export function systemdUnits(r: ScheduledRun): { service: UnitFile; timer: UnitFile } {
  const name = `${UNIT_PREFIX}${r.key}`;
  const { h, m, s } = parseClock(r.at, true);
  const p = (n: number) => String(n).padStart(2, '0');
  const header = `${HEADER}${JSON.stringify({ device: r.device, key: r.key, at: r.at, home: r.home } satisfies UnitHeader)}`;
  const note = '# Written by `draftvault schedule install`; `draftvault schedule remove` deletes it.';
  const service = [
    header,
    note,
    '[Unit]',
    `Description=${specifiers(`draftvault nightly backup of ${r.device}`)}`,
    '',
    '[Service]',
    'Type=oneshot',
    `WorkingDirectory=${specifiers(r.cwd)}`,
    ...Object.entries(r.env).map(([k, v]) => envLine(k, v)),
    `ExecStart=${runArgv(r).map(execWord).join(' ')}`,
    // draftvault stops within 2 s of SIGTERM (exit 130) and finishes the draft next time.
    'TimeoutStopSec=30',
    '',
  ].join('\n');
  const timer = [
    header,
    note,
    '[Unit]',
    `Description=${specifiers(`draftvault nightly backup of ${r.device}, daily at ${r.at}`)}`,
    '',
    '[Timer]',
    `OnCalendar=*-*-* ${p(h)}:${p(m)}:${p(s)}`,
    // A night the computer was off or asleep runs at the next boot.
    'Persistent=true',
    `Unit=${name}.service`,
    '',
    '[Install]',
    'WantedBy=timers.target',
    '',
  ].join('\n');
  return {
    service: { name: `${name}.service`, text: service },
    timer: { name: `${name}.timer`, text: timer },
  };
}

/** The header of a unit file draftvault wrote, or undefined. */
export function readUnitHeader(text: string): UnitHeader | undefined {
  const line = text.split('\n', 1)[0] ?? '';
  if (!line.startsWith(HEADER)) return undefined;
  try {
    const h = JSON.parse(line.slice(HEADER.length)) as UnitHeader;
    return typeof h.device === 'string' && typeof h.key === 'string' && typeof h.at === 'string'
      ? h
      : undefined;
  } catch {
    return undefined;
  }
}

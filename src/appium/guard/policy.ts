/**
 * The shell commands draftvault's own sessions may run through `mobile: shell`: list a media
 * folder, read an app's version, read the free space of shared storage. Everything else is
 * refused by the guard plugin.
 *
 * UiAutomator2 joins the command and its arguments into one line for the phone's shell (`adb
 * shell ls <arg>`), so an argument is shell text there: `/sdcard/DCIM;rm -rf /sdcard` would run
 * two commands. Arguments are therefore limited to characters no shell gives a meaning to.
 */
import { DEFAULT_DEVICE_ROOTS } from '../../core/paths.js';

const PACKAGE = /^[A-Za-z][\w]*(\.[A-Za-z][\w]*)+$/;
const LS_FLAGS = /^-[1alt]+$/;
/** Letters, digits and `_ . / @ + , = : -`: no quote, space, glob, `$`, `;`, `|`, `&`, `<`, `>`, backquote, `~`, `#`, newline. */
const PLAIN = /^[A-Za-z0-9_./@+,=:-]+$/;
/** Shared storage itself: what `df` may be asked about besides the media folders. */
const SHARED_STORAGE = ['/sdcard', '/storage/emulated/0'];

/** Is `path` one of `roots` or inside one (no `..`, trailing slashes ignored)? */
function inside(path: string, roots: readonly string[]): boolean {
  const p = path.replace(/\/+$/, '');
  return !p.split('/').includes('..') && roots.some((r) => p === r || p.startsWith(`${r}/`));
}

/** Why a shell command is refused, or undefined when it is allowed. */
export function shellAllowed(
  command: unknown,
  args: unknown,
  roots: readonly string[] = DEFAULT_DEVICE_ROOTS,
): string | undefined {
  const argv = args === undefined ? [] : Array.isArray(args) ? args : [args];
  if (!argv.every((a) => typeof a === 'string')) return 'arguments must be strings';
  const list = argv as string[];
  const odd = list.find((a) => !PLAIN.test(a));
  if (odd !== undefined && (command === 'ls' || command === 'df'))
    return `argument ${JSON.stringify(odd)} has characters the phone's shell would interpret`;
  if (command === 'ls') {
    const paths = list.filter((a) => !LS_FLAGS.test(a));
    if (paths.length !== 1 || paths[0]!.startsWith('-')) return 'ls takes flags and exactly one folder';
    if (!inside(paths[0]!, roots)) return `ls of ${paths[0]} (only ${roots.join(', ')})`;
    return undefined;
  }
  if (command === 'df') {
    // Exactly `df -k <path>`: the one form whose output draftvault parses.
    if (list.length !== 2 || list[0] !== '-k') return 'df takes "-k <folder>" only';
    if (!inside(list[1]!, [...SHARED_STORAGE, ...roots]))
      return `df of ${list[1]} (only ${SHARED_STORAGE.join(', ')} and the media folders)`;
    return undefined;
  }
  if (command === 'dumpsys') {
    if (list.length === 2 && list[0] === 'package' && PACKAGE.test(list[1]!)) return undefined;
    return 'dumpsys takes "package <name>" only';
  }
  return `"${String(command)}" is not a command draftvault runs`;
}

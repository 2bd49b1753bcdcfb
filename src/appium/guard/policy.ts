/**
 * The shell commands draftvault's own sessions may run through `mobile: shell`: list a media
 * folder, read an app's version. Everything else is refused by the guard plugin.
 */
import { DEFAULT_DEVICE_ROOTS } from '../../core/paths.js';

const PACKAGE = /^[A-Za-z][\w]*(\.[A-Za-z][\w]*)+$/;
const LS_FLAGS = /^-[1alt]+$/;

/** Why a shell command is refused, or undefined when it is allowed. */
export function shellAllowed(
  command: unknown,
  args: unknown,
  roots: readonly string[] = DEFAULT_DEVICE_ROOTS,
): string | undefined {
  const argv = args === undefined ? [] : Array.isArray(args) ? args : [args];
  if (!argv.every((a) => typeof a === 'string')) return 'arguments must be strings';
  const list = argv as string[];
  if (command === 'ls') {
    const paths = list.filter((a) => !LS_FLAGS.test(a));
    if (paths.length !== 1) return 'ls takes flags and exactly one folder';
    const p = paths[0]!.replace(/\/+$/, '');
    if (p.split('/').includes('..') || !roots.some((r) => p === r || p.startsWith(`${r}/`)))
      return `ls of ${paths[0]} (only ${roots.join(', ')})`;
    return undefined;
  }
  if (command === 'dumpsys') {
    if (list.length === 2 && list[0] === 'package' && PACKAGE.test(list[1]!)) return undefined;
    return 'dumpsys takes "package <name>" only';
  }
  return `"${String(command)}" is not a command draftvault runs`;
}

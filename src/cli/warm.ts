/**
 * Warm the embedded Appium up from the very start of a command that will need it: Appium and
 * the device's driver load in a child process while this one loads the command and checks its
 * input (see appium/warm.ts). Only argv is read here, loosely; the command itself validates it.
 */
import { prewarmAppium } from '../appium/warm.js';
import { APPIUM_DRIVERS, kindOf } from '../drivers/kinds.js';

/** Commands that open a device session on the embedded server. */
const DEVICE_COMMANDS = new Set(['backup', 'restore', 'run', 'inspect', 'check-ui']);

/** The value of `--name v` or `--name=v` in argv. */
function option(argv: readonly string[], name: string): string | undefined {
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  if (eq) return eq.slice(name.length + 1);
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Start warming Appium if `argv` runs a device command on the embedded server. */
export function prewarmFor(argv: readonly string[]): void {
  const command = argv.find((a) => !a.startsWith('-'));
  if (!command || !DEVICE_COMMANDS.has(command)) return;
  if (argv.some((a) => a === '--help' || a === '-h') || option(argv, '--appium-url') !== undefined) return;
  const kind = kindOf(option(argv, '--device') ?? 'sim');
  if (kind) prewarmAppium([APPIUM_DRIVERS[kind].pkg]);
}

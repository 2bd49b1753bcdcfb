/**
 * draftvault's command line: argv → command → exit code. No product logic lives here.
 */
import { Command, CommanderError } from 'commander';
import { DraftvaultError, ExitCode, toDraftvaultError } from '../errors.js';
import { registerAppium } from './commands/appium.js';
import { registerBackup } from './commands/backup.js';
import { registerCheckUi } from './commands/check-ui.js';
import { registerDoctor } from './commands/doctor.js';
import { registerFlows } from './commands/flows.js';
import { registerInspect } from './commands/inspect.js';
import { registerRestore } from './commands/restore.js';
import { registerRun } from './commands/run.js';
import { registerSim } from './commands/sim.js';
import { type CliContext, println } from './context.js';

/** Build the commander program; each command module adds itself. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('draftvault')
    .description('Back up every TikTok draft from a phone: post privately, save, verify, journal.')
    .version(process.env.npm_package_version ?? '0.1.0')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      // Our shape: "draftvault: unknown option '--x' (Did you mean --json?) [E_USAGE]", then a hint.
      outputError: (s, write) =>
        write(
          `draftvault: ${s.replace(/^error: /, '').trim()} [E_USAGE]\n  hint: \`draftvault help <command>\` lists the options\n`,
        ),
    });
  registerDoctor(program, ctx);
  registerAppium(program, ctx);
  registerSim(program, ctx);
  registerFlows(program, ctx);
  registerRun(program, ctx);
  registerBackup(program, ctx);
  registerRestore(program, ctx);
  registerInspect(program, ctx);
  registerCheckUi(program, ctx);
  return program;
}

/** Print an error the way users see it everywhere: one line, then the hint. */
export function printError(ctx: CliContext, err: DraftvaultError): void {
  const where = err.where ? `${err.where}: ` : '';
  println(ctx.stderr, `draftvault: ${where}${err.message} [${err.code}]`);
  if (err.frame) println(ctx.stderr, err.frame);
  if (err.hint) println(ctx.stderr, `  hint: ${err.hint}`);
}

/** How long an interrupted run may take to clean up before the process exits anyway. */
const INTERRUPT_GRACE_MS = 1500;

/**
 * Run the CLI and return the exit code. Installs SIGINT/SIGTERM handlers for the run's duration:
 * the first signal aborts the run (commands clean up and exit 130, within the grace time at most:
 * the journal is durable line by line and the embedded Appium is killed on exit); a second
 * signal exits at once.
 */
export async function main(argv: string[], partial: Partial<CliContext> = {}): Promise<number> {
  const controller = new AbortController();
  const ctx: CliContext = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
    ...partial,
  };
  let signals = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) process.exit(ExitCode.interrupted);
    controller.abort(new DraftvaultError('E_INTERRUPTED', `interrupted by ${sig}`));
    setTimeout(() => {
      ctx.stderr.write(`draftvault: interrupted by ${sig}; stopped\n`);
      process.exit(ExitCode.interrupted);
    }, INTERRUPT_GRACE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await buildProgram(ctx).parseAsync(argv, { from: 'user' });
    return ExitCode.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exitCode 0.
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.invalidInput;
    }
    const e = controller.signal.aborted
      ? toDraftvaultError(controller.signal.reason)
      : toDraftvaultError(err);
    printError(ctx, e);
    return e.exitCode;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * draftvault's command line: argv → command → exit code. No product logic lives here.
 */
import { Command, CommanderError } from 'commander';
import { discardWarmAppium } from '../appium/warm.js';
import { DraftvaultError, ExitCode, toDraftvaultError } from '../errors.js';
import { type CliContext, println } from './context.js';

type Register = (program: Command, ctx: CliContext) => void;

/**
 * The commands, each loaded only when it runs (or for help): `--version` and a single command do
 * not pay for the others' dependencies (WebdriverIO alone takes ~0.4 s to load).
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  doctor: async () => (await import('./commands/doctor.js')).registerDoctor,
  appium: async () => (await import('./commands/appium.js')).registerAppium,
  sim: async () => (await import('./commands/sim.js')).registerSim,
  flows: async () => (await import('./commands/flows.js')).registerFlows,
  run: async () => (await import('./commands/run.js')).registerRun,
  backup: async () => (await import('./commands/backup.js')).registerBackup,
  verify: async () => (await import('./commands/backup.js')).registerBackup,
  restore: async () => (await import('./commands/restore.js')).registerRestore,
  drafts: async () => (await import('./commands/drafts.js')).registerDrafts,
  inspect: async () => (await import('./commands/inspect.js')).registerInspect,
  'check-ui': async () => (await import('./commands/check-ui.js')).registerCheckUi,
  schedule: async () => (await import('./commands/schedule.js')).registerSchedule,
  daemon: async () => (await import('./commands/schedule.js')).registerSchedule,
  history: async () => (await import('./commands/history.js')).registerHistory,
  config: async () => (await import('./commands/config.js')).registerConfig,
};

/** Which command modules `argv` needs: none for --version, the one named, else all (help, typos). */
function needed(argv: readonly string[]): string[] {
  const name = argv.find((a) => !a.startsWith('-'));
  if (!name && argv.some((a) => a === '--version' || a === '-V')) return [];
  if (name && COMMANDS[name]) return [name];
  return Object.keys(COMMANDS);
}

/** Build the commander program with the commands `argv` needs. */
export async function buildProgram(ctx: CliContext, argv: readonly string[] = []): Promise<Command> {
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
  const registered = new Set<Register>();
  for (const name of needed(argv)) {
    const register = await COMMANDS[name]!();
    // backup and verify (schedule and daemon) live in one module: register it once.
    if (registered.has(register)) continue;
    registered.add(register);
    register(program, ctx);
  }
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
    await (await buildProgram(ctx, argv)).parseAsync(argv, { from: 'user' });
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
    // A command that never started its server (bad input, --help) leaves no Appium child behind.
    discardWarmAppium();
  }
}

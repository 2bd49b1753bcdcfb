/** `draftvault appium [--port N] [--allow-insecure F...]`: the embedded server in the foreground. */
import type { Command } from 'commander';
import { startAppium, validateAppiumOptions } from '../../appium/server.js';
import { dataHome, newRunDir } from '../../paths.js';
import { type CliContext, println } from '../context.js';
import { parseIntOption } from '../options.js';

/** Add the appium command. */
export function registerAppium(program: Command, ctx: CliContext): void {
  program
    .command('appium')
    .description('run the embedded Appium server in the foreground (for Appium Inspector or any client)')
    .option('--port <n>', 'TCP port on 127.0.0.1 (default: a free port)', parseIntOption('--port'))
    .option(
      '--allow-insecure <feature...>',
      'driver-prefixed insecure features, e.g. uiautomator2:adb_shell (none by default)',
    )
    .action(async (opts: { port?: number; allowInsecure?: string[] }) => {
      const options = { port: opts.port, allowInsecure: opts.allowInsecure, logFile: '' };
      validateAppiumOptions(options);
      const runDir = newRunDir('appium', dataHome(ctx.env, ctx.cwd));
      options.logFile = `${runDir}/appium.log`;
      const server = await startAppium({ ...options, signal: ctx.signal });
      println(ctx.stdout, `Appium ${server.url} ready in ${server.readyMs} ms (pid ${server.pid})`);
      println(ctx.stdout, `log: ${server.logFile}`);
      println(ctx.stdout, 'simulated phone: `draftvault sim caps` prints capabilities for it. Ctrl-C stops.');
      await new Promise<void>((resolve) =>
        ctx.signal.addEventListener('abort', () => resolve(), { once: true }),
      );
      await server.stop();
      println(ctx.stdout, 'Appium stopped.');
    });
}

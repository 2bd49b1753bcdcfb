// An Appium 3 server for the package's tests, in its own process: forked by appium.ts, never run
// by hand. Appium's main() binds a free port (port 0) and we report the real one over IPC; the
// IPC channel closes when the test process dies for any reason, and we exit then, so no server is
// ever left behind. Appium's in-process traps (process.exit on a busy port, its own signal
// handlers, one schema registry per process) stay in this child.
const opts = JSON.parse(process.env.SIM_TEST_APPIUM_OPTIONS ?? 'null');
if (!opts || !process.send) {
  console.error('started by the tests (support/appium.ts), not by hand');
  process.exit(2);
}
process.on('disconnect', () => process.exit(0));
try {
  const { main } = await import('appium');
  const server = await main({
    port: 0,
    address: '127.0.0.1',
    loglevel: 'error:info',
    logFile: opts.logFile,
    logNoColors: true,
    logTimestamp: true,
    allowInsecure: opts.allowInsecure,
    keepAliveTimeout: 5,
  });
  process.send({ type: 'ready', port: server.address().port });
  process.on('message', (msg) => {
    if (msg?.type !== 'stop') return;
    server.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  });
} catch (err) {
  process.send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
}

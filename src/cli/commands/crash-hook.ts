/**
 * A fault-injection hook for the crash-resume tests: `DRAFTVAULT_TEST_CRASH_AT=posted:2` makes
 * the process SIGKILL itself the 2nd time the backup reaches the "posted" point (points: intent,
 * posted, located, stored). Unset, it does nothing.
 */
export function crashHook(env: NodeJS.ProcessEnv): (point: string) => void {
  const spec = env.DRAFTVAULT_TEST_CRASH_AT;
  if (!spec) return () => {};
  const [point, nth = '1'] = spec.split(':');
  let seen = 0;
  return (p) => {
    if (p !== point) return;
    seen += 1;
    if (seen === Number(nth)) process.kill(process.pid, 'SIGKILL');
  };
}

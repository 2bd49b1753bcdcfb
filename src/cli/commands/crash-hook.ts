/**
 * A fault-injection hook for the crash-resume tests: `DRAFTVAULT_TEST_CRASH_AT=posted:2` makes
 * the process SIGKILL itself the 2nd time the backup reaches the "posted" point (points: intent,
 * posted, located, stored). `located:1:throw` throws an ordinary error there instead (a step
 * that failed, the process goes on); several specs are separated by commas. Unset, it does nothing.
 */
export function crashHook(env: NodeJS.ProcessEnv): (point: string) => void {
  const specs = (env.DRAFTVAULT_TEST_CRASH_AT ?? '')
    .split(',')
    .filter(Boolean)
    .map((s) => {
      const [point, nth = '1', how = 'kill'] = s.split(':');
      return { point, nth: Number(nth), how, seen: 0 };
    });
  if (specs.length === 0) return () => {};
  return (p) => {
    for (const s of specs) {
      if (s.point !== p) continue;
      s.seen += 1;
      if (s.seen !== s.nth) continue;
      if (s.how === 'throw') throw new Error(`test fault at "${p}"`);
      process.kill(process.pid, 'SIGKILL');
    }
  };
}

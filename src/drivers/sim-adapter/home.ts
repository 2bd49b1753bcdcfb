/** Where simulated phones live: a folder of draftvault's data home. */
import { join } from 'node:path';
import { dataHome } from '../../paths.js';

/** Where simulated phones keep their state for this environment. */
export function simHome(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return join(dataHome(env, cwd), 'sim');
}

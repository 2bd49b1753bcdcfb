/**
 * Does it apply here? A flow to this device (its platforms and app version range), and a step's
 * or loop's `when:` condition (platform, app version, an expression, an element shown or not).
 */
import { evaluate, parseExpr, truthy } from '../core/expr.js';
import { versionMatches } from '../core/fields.js';
import type { DeviceFacts } from '../core/selectors.js';
import { DraftvaultError } from '../errors.js';
import type { Flow } from '../flows/flow.js';
import type { Condition } from '../steps/types.js';
import type { Finder } from './finder.js';
import type { Scopes } from './scope.js';

/**
 * Throw E_FLOW_NOT_APPLICABLE when the flow is not for this platform or app version. With
 * `outOfRange`, a version outside the flow's range is reported there and the flow runs (check-ui,
 * which only reads the phone, must walk a new TikTok version to tell what to fix).
 */
export function checkApplicable(
  flow: Flow,
  facts: DeviceFacts,
  outOfRange?: (range: string, appVersion: string) => void,
): void {
  const { platform, appVersion } = facts;
  if (!flow.platforms.includes(platform)) {
    throw new DraftvaultError('E_FLOW_NOT_APPLICABLE', `flow ${flow.name} is not for ${platform}`, {
      span: flow.span,
    });
  }
  if (flow.appVersion && appVersion && !versionMatches(appVersion, flow.appVersion)) {
    if (outOfRange) {
      outOfRange(flow.appVersion, appVersion);
      return;
    }
    throw new DraftvaultError(
      'E_FLOW_NOT_APPLICABLE',
      `flow ${flow.name} is for app ${flow.appVersion}, the phone has ${appVersion}`,
      {
        span: flow.span,
        hint: 'update the flow (and its appVersion range) for this TikTok version',
      },
    );
  }
}

/** Does condition `c` hold now? Visibility is looked at once (no wait). */
export async function holds(
  c: Condition,
  at: { facts: DeviceFacts; scopes: Scopes; finder: Finder },
): Promise<boolean> {
  const { facts: f, scopes: s, finder } = at;
  if (c.platform && c.platform !== f.platform) return false;
  if (c.appVersion && !versionMatches(f.appVersion, c.appVersion)) return false;
  if (c.expr !== undefined && !truthy(evaluate(parseExpr(c.expr), s.lookup))) return false;
  if (c.visible !== undefined && !(await finder.visible(s.renderRef(c.visible), 0))) return false;
  if (c.notVisible !== undefined && (await finder.present(s.renderRef(c.notVisible)))) return false;
  return true;
}

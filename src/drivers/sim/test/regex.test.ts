/**
 * UiSelector regexes read as Java reads them (ui/java-regex.ts; tiktok-ui.md C.14): the whole
 * value, no DOTALL, and an ASCII `\s` that does not match the no-break space French puts before
 * ":" ("Brouillons : 3"); `appium:simRegex: device` is the phone's flavour as read from the server.
 */
import { describe, expect, it } from 'vitest';
import { useSimServer } from './support/sim.js';
import { launchAndDismiss, tap, UI } from './support/walk.js';

const sim = useSimServer();
const PKG = 'com.zhiliaoapp.musically';
const ui = (m: string) => `android=new UiSelector().textMatches("${m}")`;

async function onFrenchProfile(name: string, simRegex: 'strict' | 'device') {
  const s = await sim.open(name, {
    simReset: true,
    simDrafts: 3,
    simLocale: 'fr',
    simRegex,
    simVariants: { frenchSpace: 'nbsp' },
  });
  await launchAndDismiss(s, PKG, 'fr');
  await tap(s, `~${UI.fr.profile}`);
  return s;
}

describe('UiSelector regex semantics', () => {
  it('strict (default): \\s misses the no-break space, the match is whole, (?s) and (?U) are honoured', async () => {
    const s = await onFrenchProfile('rx-strict', 'strict');
    const banner = await (await s.$(ui('Brouillons.*'))).getText();
    expect(banner).toBe('Brouillons\u00A0: 3');
    // A naive pattern (JavaScript's \s) counts no drafts on a phone.
    expect(await s.$$(ui('Brouillons\\s*:.*'))).toHaveLength(0);
    expect(await s.$$(ui('(?U)Brouillons\\s*:.*'))).toHaveLength(1);
    // The shipped selector names the no-break spaces itself.
    expect(await s.$$(ui('Brouillons[\\s\\u00A0\\u202F]*:.*'))).toHaveLength(1);
    // Whole-value match: a fragment alone finds nothing.
    expect(await s.$$(ui('Brouillons'))).toHaveLength(0);
  });

  it('device flavour: \\s matches the no-break space (the server bytecode reading)', async () => {
    const s = await onFrenchProfile('rx-device', 'device');
    expect(await s.$$(ui('Brouillons\\s*:.*'))).toHaveLength(1);
    expect(await s.$$(ui('Brouillons[\\s\\u00A0\\u202F]*:.*'))).toHaveLength(1);
  });
});

/**
 * The gate's proof in one lookup (every privacy row and every "publicly" text at once), read and
 * sorted on this side. The simulated phone never says "publicly", so the sorting is checked here
 * against a screen held in memory: each element's text and desc, answered per lookup the gate
 * makes (its Post control, and what its proof lookup would match on a phone).
 */
import { describe, expect, it } from 'vitest';
import { DraftvaultError } from '../../src/errors.js';
import { ActionGate, type GateReader, gateLookups } from '../../src/runner/gate.js';

interface El {
  id: string;
  text: string;
  desc: string;
}

const POST: El = { id: 'post', text: 'Post', desc: '' };
const PRIVATE_ROW: El = { id: 'row', text: '', desc: 'Only you can view this post. Tap to change' };

/** A screen: the Post control, and the elements the proof lookup finds. */
function screen(proof: El[]): GateReader {
  const all = new Map([POST, ...proof].map((e) => [e.id, e]));
  const lookups = gateLookups('android');
  return {
    platform: 'android',
    async findAll(_using, value) {
      if (value === lookups.publish[0]!.value) return [POST.id];
      if (value === lookups.proof[0]!.value) return proof.map((e) => e.id);
      throw new Error(`unexpected lookup ${value}`);
    },
    rect: async () => ({ x: 0, y: 0, width: 10, height: 10 }),
    async words(id) {
      const e = all.get(id)!;
      return [e.text, e.desc];
    },
  };
}

async function tapPost(proof: El[]): Promise<string> {
  const gate = new ActionGate(screen(proof));
  return gate.check({ kind: 'element', what: 'tap Post', elementId: POST.id }).then(
    () => 'allowed',
    (e: unknown) => (e instanceof DraftvaultError ? `${e.code}: ${e.message}` : String(e)),
  );
}

describe('the gate proof: one lookup, sorted here', () => {
  it('lets Post through when every row on screen says Only you', async () => {
    expect(await tapPost([PRIVATE_ROW])).toBe('allowed');
  });

  it('refuses when the screen also says the post would go out publicly, whatever the row says', async () => {
    const warning = { id: 'warn', text: 'Your video will be shared publicly', desc: '' };
    expect(await tapPost([PRIVATE_ROW, warning])).toMatch(
      /^E_PRIVACY_UNPROVEN: refused to tap Post: the screen says the post would be public/,
    );
  });

  it('refuses when one row of two says Everyone', async () => {
    const everyone = { id: 'row2', text: 'Everyone can view this post', desc: '' };
    expect(await tapPost([PRIVATE_ROW, everyone])).toMatch(/the privacy row reads/);
  });

  it('refuses when the lookup found an element this side reads as neither a row nor a warning', async () => {
    // The phone's regex and this code's disagree: fail closed, never skip the element.
    const odd = { id: 'odd', text: 'Visibility', desc: '' };
    expect(await tapPost([PRIVATE_ROW, odd])).toMatch(/not a privacy row/);
  });

  it('refuses with no row at all', async () => {
    expect(await tapPost([])).toMatch(/no privacy row on screen proves the post is private/);
  });
});

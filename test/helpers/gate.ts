/** Assertions for the action gate's refusals. */
import { expect } from 'vitest';
import { DraftvaultError } from '../../src/errors.js';

/** Expect `p` to fail with the gate's refusal (E_PRIVACY_UNPROVEN); returns the error. */
export async function refused(p: Promise<unknown>): Promise<DraftvaultError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'the gate must refuse').toBeInstanceOf(DraftvaultError);
  expect((err as DraftvaultError).code).toBe('E_PRIVACY_UNPROVEN');
  return err as DraftvaultError;
}

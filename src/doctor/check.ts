/** One line of `draftvault doctor`'s report. */
export interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  /** The exact fix, when not ok. */
  fix?: string;
}

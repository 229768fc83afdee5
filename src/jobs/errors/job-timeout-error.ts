/** A job ran longer than its timeout. The attempt fails (and is retried while attempts remain); its signal is aborted. */
export class JobTimeoutError extends Error {
  override name = 'JobTimeoutError';

  constructor(readonly timeoutMs: number) {
    super(`The job did not finish within ${timeoutMs} ms`);
  }
}

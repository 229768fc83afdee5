import { JobTimeoutError } from './errors/index.ts';
import type { JobContext, JobProcessor } from './job-queue.ts';

/**
 * Runs one attempt of a job with its timeout. The attempt's signal aborts on the timeout or when `outer` aborts
 * (a cancel or a forced shutdown), and the attempt then fails at once even if the processor ignores the signal.
 * Work the processor already started (an HTTP post in flight) may still finish in the background: the delivery
 * ledger, not this function, is what keeps that from posting twice.
 */
export async function runJob<T, R>(
  processor: JobProcessor<T, R>,
  context: Omit<JobContext<T>, 'signal'>,
  timeoutMs: number,
  outer?: AbortSignal,
): Promise<R> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let onOuterAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new JobTimeoutError(timeoutMs);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
    if (outer) {
      onOuterAbort = () => {
        const reason: unknown = outer.reason;
        const error = reason instanceof Error ? reason : new Error(`The job was cancelled: ${String(reason)}`);
        controller.abort(error);
        reject(error);
      };
      if (outer.aborted) onOuterAbort();
      else outer.addEventListener('abort', onOuterAbort, { once: true });
    }
  });
  try {
    return await Promise.race([processor({ ...context, signal: controller.signal }), stopped]);
  } finally {
    clearTimeout(timer);
    if (outer && onOuterAbort) outer.removeEventListener('abort', onOuterAbort);
  }
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

import type { Logger } from 'pino';
import type { LisbotMetrics } from '../observability/metrics.ts';
import { safeErrorText } from '../state/redis-outage.ts';

let installed: (() => void) | undefined;

/**
 * No request or job can end a long-running process: an unhandled rejection or an uncaught exception is logged
 * (message and stack only, never the objects an error carries) and counted, and the process goes on serving.
 * Returns the uninstaller. Installing twice replaces the earlier guard.
 */
export function installProcessGuard(logger: Logger, metrics: LisbotMetrics): () => void {
  installed?.();
  const report = (kind: 'unhandled_rejection' | 'uncaught_exception') => (error: unknown) => {
    metrics.processErrors.inc({ kind });
    logger.error(
      { kind, err: safeErrorText(error), stack: error instanceof Error ? error.stack?.split('\n').slice(1, 6).join('\n') : undefined },
      'an error reached the process guard; the process goes on',
    );
  };
  const onRejection = report('unhandled_rejection');
  const onException = report('uncaught_exception');
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  installed = () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    installed = undefined;
  };
  return installed;
}

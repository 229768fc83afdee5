import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { DEDUPE_TTL_MS, type SlackDeps } from './deps.ts';

/** Claims a key in the dedupe store; if the store fails, goes ahead (a rare double reply beats silence). */
export async function claimOnce(deps: Pick<SlackDeps, 'dedupe' | 'logger'>, key: string, ttlMs: number = DEDUPE_TTL_MS): Promise<boolean> {
  try {
    return await deps.dedupe.claim(key, ttlMs);
  } catch (error) {
    deps.logger.warn(`dedupe store unavailable, handling ${key} anyway: ${String(error)}`);
    return true;
  }
}

/** Remembers a thread lisbot answered in; a store failure costs only the follow-up without a mention. */
export async function rememberThread(deps: Pick<SlackDeps, 'threads' | 'logger'>, channel: string, thread: string): Promise<void> {
  await deps.threads.remember(channel, thread).catch((error: unknown) => deps.logger.warn(`thread store unavailable: ${String(error)}`));
}

/** Whether lisbot answered in a thread; false when the store cannot tell. */
export async function knownThread(deps: Pick<SlackDeps, 'threads' | 'logger'>, channel: string, thread: string): Promise<boolean> {
  return deps.threads.has(channel, thread).catch((error: unknown) => {
    deps.logger.warn(`thread store unavailable: ${String(error)}`);
    return false;
  });
}

/**
 * Global middleware: an Events API delivery is handled once per event_id. Slack retries a delivery
 * (X-Slack-Retry-Num) when the ack was slow or lost; the retry is acked by Bolt and dropped here.
 */
export function dedupeEvents(deps: Pick<SlackDeps, 'dedupe' | 'logger'>): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    const envelope = body as { type?: unknown; event_id?: unknown };
    if (envelope.type === 'event_callback' && typeof envelope.event_id === 'string') {
      if (!(await claimOnce(deps, `slack:event:${envelope.event_id}`))) {
        deps.logger.debug(`dropped a repeated delivery of ${envelope.event_id} (retry ${String(context.retryNum ?? 0)})`);
        return;
      }
    }
    await next();
  };
}

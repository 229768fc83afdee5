import { createHash, createHmac } from 'node:crypto';
import type { FeedbackRecord, FeedbackStore } from '../core/feedback-store.ts';

/**
 * Re-keys each record's user hash with a secret of the deployment before it is stored: an unsalted hash of a user id
 * can be reversed by hashing every member of the workspace, a keyed one cannot without the secret.
 */
export class SaltedFeedbackStore implements FeedbackStore {
  constructor(
    private readonly inner: FeedbackStore,
    private readonly secret: string,
  ) {}

  add(record: FeedbackRecord): Promise<void> {
    const userHash = createHmac('sha256', this.secret).update(record.userHash).digest('hex').slice(0, 16);
    return this.inner.add({ ...record, userHash });
  }

  all(): Promise<FeedbackRecord[]> {
    return this.inner.all();
  }
}

/**
 * The salt: LISBOT_HASH_SECRET, or else one derived from the platform secrets the deployment already has (stable
 * across its replicas, unknown outside it). Without any secret at all (the terminal chat) a per-process one.
 */
export function userHashSecret(env: NodeJS.ProcessEnv): string {
  const configured = env.LISBOT_HASH_SECRET?.trim();
  if (configured) return configured;
  const platform = [env.SLACK_SIGNING_SECRET, env.SLACK_BOT_TOKEN, env.DISCORD_TOKEN]
    .map((v) => v?.trim())
    .filter(Boolean)
    .join('\n');
  if (platform) return createHash('sha256').update(`lisbot user hash\n${platform}`).digest('hex');
  return createHash('sha256')
    .update(`lisbot user hash\n${String(process.pid)}\n${String(Date.now())}\n${String(Math.random())}`)
    .digest('hex');
}

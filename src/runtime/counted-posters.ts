import type { PostOptions, PostedMessage, ReplyPoster, ReplyPosters, ReplyTarget } from '../core/delivery.ts';
import type { Reply } from '../core/reply.ts';
import type { LisbotMetrics } from '../observability/metrics.ts';

/** What kind of platform error: 429 (rate limited), the platform's error code, or the error's name. */
export function errorKind(error: unknown): string {
  const e = error as { code?: unknown; statusCode?: unknown; status?: unknown; data?: { error?: unknown }; name?: unknown };
  if (e?.statusCode === 429 || e?.status === 429 || e?.code === 'slack_webapi_rate_limited_error') return '429';
  if (typeof e?.data?.error === 'string') return e.data.error.slice(0, 40);
  if (typeof e?.code === 'string' || typeof e?.code === 'number') return String(e.code).slice(0, 40);
  return typeof e?.name === 'string' ? e.name.slice(0, 40) : 'error';
}

/** Posters whose failures count in lisbot_platform_api_errors_total and whose digests count in lisbot_digest_posts_total. */
export function countedPosters(posters: ReplyPosters, metrics: LisbotMetrics): ReplyPosters {
  const counted: { -readonly [K in keyof ReplyPosters]: ReplyPosters[K] } = {};
  for (const [platform, poster] of Object.entries(posters) as Array<[ReplyTarget['platform'], ReplyPoster]>) {
    const fail = (error: unknown): never => {
      metrics.platformErrors.inc({ platform, kind: errorKind(error) });
      throw error;
    };
    counted[platform] = {
      platform: poster.platform,
      async post(target: ReplyTarget, reply: Reply, options?: PostOptions): Promise<PostedMessage> {
        const posted = await poster.post(target, reply, options).catch(fail);
        if (reply.intent === 'digest') metrics.digestPosts.inc({ platform });
        return posted;
      },
      update: (target, message, reply) => poster.update(target, message, reply).catch(fail),
      ...(poster.find
        ? { find: (target: ReplyTarget, marker: string, since: number) => poster.find!(target, marker, since).catch(fail) }
        : {}),
    };
  }
  return counted;
}

import type { Reply, ReplyField } from '../core/reply.ts';
import { reply } from '../core/reply.ts';
import type { DigestCommandContext, DigestCommands } from '../core/digest-commands.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import { MemoryDigestArchive, type DigestArchive } from './archive.ts';
import { baselineAt, baselineOf } from './baseline.ts';
import { describeFilters, DEFAULT_DIGEST_LIMIT } from './compose.ts';
import { digestBetween, sinceLabel } from './digest.ts';
import { decodeDigestMore, isDate } from './more.ts';
import { DIGEST_USAGE, parseDigestArgs, type DigestCommand } from './parse.ts';
import { describeSchedule } from './schedule.ts';
import type { SubscriptionStore } from './store.ts';
import { hashUser, subscriptionId, Subscription, type DigestFilters, type KbBaseline } from './subscription.ts';

/**
 * Keeps the job schedulers in step with the subscriptions: the BullMQ side implements it (one job scheduler per
 * subscription). Called after the store was written; a failure undoes the store change and is rethrown.
 */
export interface DigestScheduleHook {
  scheduled(subscription: Subscription): Promise<void>;
  unscheduled(id: string): Promise<void>;
}

export interface DigestCommandsOptions {
  readonly kb: () => KnowledgeBase;
  readonly store: SubscriptionStore;
  readonly archive?: DigestArchive;
  /** LISBOT_ADMINS: user ids, bare or as "slack:U123" / "discord:123", who may manage any channel's digest. */
  readonly admins?: readonly string[];
  readonly scheduler?: DigestScheduleHook;
  readonly now?: () => Date;
  /** Change lines a digest shows before "show all". */
  readonly limit?: number;
}

const REFUSAL =
  'Only people who can manage this channel can subscribe or unsubscribe it: Slack channel managers and workspace admins, Discord members with Manage Channels, and lisbot admins (LISBOT_ADMINS). Ask one of them, or try "/lis digest preview" to see what the digest would say.';

function usageReply(problem: string | undefined): Reply {
  return reply({
    intent: 'digest',
    answered: problem === undefined,
    title: problem ? 'Digest: I did not understand that' : 'Digest commands',
    text: `${problem ? `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.\n` : ''}Usage: ${DIGEST_USAGE.map((u) => `/lis digest ${u}`).join('\n')}`,
    fields: problem
      ? []
      : [
          {
            label: 'subscribe',
            value:
              'Weekly by default (Mondays 09:00 UTC). Filters keep only the families, hosts and features you name, e.g. "subscribe daily tz=Europe/Berlin ubuntu rhel 2019 2022".',
          },
          { label: 'When nothing changed', value: 'No message (--quiet, the default), or one line saying so (--always).' },
        ],
  });
}

function filterText(kb: KnowledgeBase, filters: DigestFilters): string {
  return describeFilters(kb, filters) ?? 'everything (no filters)';
}

/** `/lis digest subscribe|unsubscribe|list|preview`: the same commands on Slack and Discord. */
export class DigestCommandsService implements DigestCommands {
  private readonly archive: DigestArchive;
  private readonly now: () => Date;

  constructor(private readonly options: DigestCommandsOptions) {
    this.archive = options.archive ?? new MemoryDigestArchive();
    this.now = options.now ?? (() => new Date());
  }

  /** Channel managers and LISBOT_ADMINS. */
  mayManage(context: DigestCommandContext): boolean {
    const admins = this.options.admins ?? [];
    return context.canManageChannel || admins.includes(context.user) || admins.includes(`${context.target.platform}:${context.user}`);
  }

  async run(args: readonly string[], context: DigestCommandContext): Promise<Reply> {
    const kb = this.options.kb();
    const parsed = parseDigestArgs(kb, args);
    if (!parsed.ok) return usageReply(parsed.error);
    const command: DigestCommand = parsed.command;
    switch (command.action) {
      case 'help':
        return usageReply(undefined);
      case 'subscribe':
        if (!this.mayManage(context)) return this.refusal('subscribe');
        return this.subscribe(kb, command, context);
      case 'unsubscribe':
        if (!this.mayManage(context)) return this.refusal('unsubscribe');
        return this.unsubscribe(context);
      case 'list':
        return this.list(kb, context);
      case 'preview':
        return this.preview(kb, context, command.since);
    }
  }

  /** The "show all" action of a long digest: every change between the two KB versions the value names. */
  async expand(value: string): Promise<Reply | undefined> {
    const more = decodeDigestMore(value);
    if (!more) return undefined;
    const kb = this.options.kb();
    const baseline = async (part: string): Promise<KbBaseline | undefined> =>
      isDate(part) ? baselineAt(kb, part) : part === kb.version ? baselineOf(kb) : this.archive.baseline(part);
    const from = await baseline(more.from);
    const to = await baseline(more.to);
    const filters = more.filters === '-' ? {} : await this.archive.filters(more.filters);
    if (!from || !to || !filters) {
      return reply({
        intent: 'digest',
        answered: false,
        title: 'That digest is no longer available',
        text: 'Try "/lis digest preview since YYYY-MM-DD" instead.',
      });
    }
    const since = isDate(more.from) ? `since ${more.from}` : undefined;
    const { reply: full } = await digestBetween(kb, from, to, filters, {
      limit: Infinity,
      quietWhenEmpty: false,
      ...(since ? { since } : {}),
    });
    return full;
  }

  private refusal(action: 'subscribe' | 'unsubscribe'): Reply {
    return reply({ intent: 'digest', answered: false, title: `You cannot ${action} this channel`, text: REFUSAL });
  }

  private async subscribe(
    kb: KnowledgeBase,
    command: Extract<DigestCommand, { action: 'subscribe' }>,
    context: DigestCommandContext,
  ): Promise<Reply> {
    const { platform, channel, team } = context.target;
    const id = subscriptionId(context.target);
    const existing = await this.options.store.get(id);
    const now = this.now().toISOString();
    const baseline = existing?.baseline ?? baselineOf(kb);
    const subscription = Subscription.parse({
      id,
      target: { platform, channel, ...(team ? { team } : {}) },
      schedule: command.schedule,
      filters: command.filters,
      quietWhenEmpty: command.quietWhenEmpty,
      createdBy: existing?.createdBy ?? hashUser(platform, context.user),
      createdAt: existing?.createdAt ?? now,
      baseline,
      ...(existing?.lastSentVersion ? { lastSentVersion: existing.lastSentVersion } : {}),
      ...(existing?.lastSentAt ? { lastSentAt: existing.lastSentAt } : {}),
    });
    await this.options.store.put(subscription);
    try {
      await this.options.scheduler?.scheduled(subscription);
    } catch (error) {
      if (existing) await this.options.store.put(existing);
      else await this.options.store.delete(id);
      throw error;
    }
    return reply({
      intent: 'digest',
      title: existing ? 'Digest subscription updated' : 'This channel is subscribed to the lisbot digest',
      text: `This channel gets the digest ${describeSchedule(subscription.schedule)}: newly supported releases, features new on a host, new LIS releases and dropped releases, for ${filterText(kb, subscription.filters)}. ${existing ? 'It carries on from the last digest.' : `The first digest covers what changes after today (KB version ${kb.version}).`}`,
      fields: this.fields(kb, subscription),
    });
  }

  private async unsubscribe(context: DigestCommandContext): Promise<Reply> {
    const id = subscriptionId(context.target);
    const existing = await this.options.store.get(id);
    if (!existing)
      return reply({
        intent: 'digest',
        title: 'No digest here',
        text: 'This channel has no digest subscription, so there is nothing to stop.',
      });
    await this.options.store.delete(id);
    try {
      await this.options.scheduler?.unscheduled(id);
    } catch (error) {
      await this.options.store.put(existing);
      throw error;
    }
    return reply({
      intent: 'digest',
      title: 'Digest stopped',
      text: 'This channel will get no more digests. Subscribe again at any time with "/lis digest subscribe".',
    });
  }

  private async list(kb: KnowledgeBase, context: DigestCommandContext): Promise<Reply> {
    const subscription = await this.options.store.get(subscriptionId(context.target));
    if (!subscription) {
      return reply({
        intent: 'digest',
        title: 'No digest subscription in this channel',
        text: 'Someone who manages the channel can start one with "/lis digest subscribe [weekly|daily] [families…] [hosts…]".',
      });
    }
    return reply({
      intent: 'digest',
      title: 'Digest subscription for this channel',
      text: subscription.disabled
        ? `Stopped: ${subscription.disabled}. Subscribe again to restart it.`
        : `Digest ${describeSchedule(subscription.schedule)} for ${filterText(kb, subscription.filters)}.`,
      fields: this.fields(kb, subscription),
    });
  }

  private fields(kb: KnowledgeBase, subscription: Subscription): ReplyField[] {
    return [
      { label: 'Schedule', value: describeSchedule(subscription.schedule) },
      { label: 'Filters', value: filterText(kb, subscription.filters) },
      { label: 'When nothing changed', value: subscription.quietWhenEmpty ? 'no message' : 'one line saying so' },
      {
        label: 'Last digest',
        value: subscription.lastSentAt
          ? `${subscription.lastSentAt.slice(0, 16).replace('T', ' ')} UTC (KB version ${subscription.lastSentVersion ?? '?'})`
          : 'none yet',
      },
      ...(subscription.disabled
        ? [
            {
              label: 'Stopped',
              value: `${subscription.disabled}${subscription.disabledAt ? ` (${subscription.disabledAt.slice(0, 10)})` : ''}`,
            },
          ]
        : []),
    ];
  }

  private async preview(kb: KnowledgeBase, context: DigestCommandContext, since: string | undefined): Promise<Reply> {
    const subscription = await this.options.store.get(subscriptionId(context.target));
    const filters = subscription?.filters ?? {};
    let from: KbBaseline;
    let label: string;
    if (since) {
      from = baselineAt(kb, since);
      label = `since ${since}`;
    } else if (subscription) {
      from = subscription.baseline;
      label = sinceLabel(subscription);
    } else {
      const yearBefore = `${Number(kb.newestEra.slice(0, 4)) - 1}${kb.newestEra.slice(4)}`;
      from = baselineAt(kb, yearBefore);
      label = `since ${yearBefore} (a year before the newest page)`;
    }
    const { reply: preview } = await digestBetween(kb, from, baselineOf(kb), filters, {
      limit: this.options.limit ?? DEFAULT_DIGEST_LIMIT,
      quietWhenEmpty: false,
      since: label,
      heading: 'lisbot digest preview',
      archive: this.archive,
    });
    return preview!;
  }
}

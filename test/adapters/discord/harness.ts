// Starts the fake Discord and the real adapter against it, and always stops both.
import { Bot } from '../../../src/bot/bot.ts';
import type { ContextStore } from '../../../src/core/context-store.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { DiscordAdapter, type DiscordAdapterOptions } from '../../../src/adapters/discord/client.ts';
import type { DiscordSettings } from '../../../src/adapters/discord/settings.ts';
import type { DigestCommandContext, DigestCommands } from '../../../src/core/digest-commands.ts';
import type { ReplyTarget } from '../../../src/core/delivery.ts';
import type { GuestCheckRequests, SubmitResult, UploadedFile } from '../../../src/core/guest-check-requests.ts';
import { MemoryFeedbackStore } from '../../../src/core/feedback-store.ts';
import type { KnowledgeBase } from '../../../src/knowledge/index.ts';
import { realKb } from '../../helpers/real-kb.ts';
import { FakeDiscord, type FakeDiscordOptions, type RecordedRequest } from './fake-discord.ts';

export interface Harness {
  readonly fake: FakeDiscord;
  readonly adapter: DiscordAdapter;
  readonly feedback: MemoryFeedbackStore;
  readonly settings: DiscordSettings;
  /** Dispatches an interaction and waits until the adapter has finished handling it. */
  readonly interact: (payload: Record<string, unknown>) => Promise<void>;
  /** Every request to one interaction's callback, webhook (followups, @original) and nothing else. */
  readonly responsesTo: (payload: { id: string; token: string }) => RecordedRequest[];
}

export interface HarnessOptions extends Partial<Omit<DiscordAdapterOptions, 'settings' | 'bot'>> {
  readonly fake?: FakeDiscordOptions;
  readonly settings?: Partial<DiscordSettings>;
  readonly contexts?: ContextStore;
  /** Defaults to the committed KB. */
  readonly kb?: KnowledgeBase;
}

export async function withDiscord(options: HarnessOptions, run: (harness: Harness) => Promise<void>): Promise<void> {
  const fake = await new FakeDiscord(options.fake).start();
  const settings: DiscordSettings = {
    token: fake.token,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    messageContent: false,
    admins: [],
    ...options.settings,
  };
  const kb = options.kb ?? realKb();
  const feedback = options.feedback instanceof MemoryFeedbackStore ? options.feedback : new MemoryFeedbackStore();
  const adapter = new DiscordAdapter({ ...options, settings, bot: new Bot(() => kb, options.contexts), feedback, drainMs: 2000 });
  try {
    await adapter.start();
    await run({
      fake,
      adapter,
      feedback,
      settings,
      interact: async (payload) => {
        fake.dispatchInteraction(payload);
        // The dispatch is picked up asynchronously; wait for the handler to start, then to finish.
        await until(() => seen(fake, payload), 5000);
        await adapter.settled();
      },
      responsesTo: (payload) => {
        return fake.requests.filter((r) => r.path.startsWith(`/interactions/${payload.id}/`) || r.path.includes(`/${payload.token}`));
      },
    });
  } finally {
    await adapter.stop();
    await fake.stop();
  }
}

/** True once the client has turned the dispatch into a request, or a short settle time has passed. */
function seen(fake: FakeDiscord, payload: Record<string, unknown>): boolean {
  const id = payload.id as string;
  const token = payload.token as string;
  return fake.requests.some((r) => r.path.startsWith(`/interactions/${id}/`) || r.path.includes(`/${token}`));
}

export async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A GuestCheckRequests that records what it was given and answers as told. */
export class RecordingGuestChecks implements GuestCheckRequests {
  readonly calls: Array<{ upload: UploadedFile; target: ReplyTarget; user?: string }> = [];

  constructor(
    private readonly result: SubmitResult = { status: 'queued', jobId: 'job-1' },
    private readonly delayMs = 0,
  ) {}

  async submit(upload: UploadedFile, target: ReplyTarget, user?: string): Promise<SubmitResult> {
    this.calls.push({ upload, target, ...(user ? { user } : {}) });
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return this.result;
  }
}

export class RecordingDigest implements DigestCommands {
  readonly calls: Array<{ args: readonly string[]; context: DigestCommandContext }> = [];

  constructor(private readonly delayMs = 0) {}

  async run(args: readonly string[], context: DigestCommandContext): Promise<Reply> {
    this.calls.push({ args, context });
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return {
      intent: 'digest',
      answered: true,
      entities: {},
      title: `Digest ${args[0] ?? ''}`,
      text: `Done: ${args.join(' ')}`,
      fields: [],
      notes: [],
      sources: [],
      actions: [],
    };
  }
}

/** Every request that carries a message (content or embeds), wherever it goes. */
export function messageRequests(fake: FakeDiscord): RecordedRequest[] {
  return fake.requests.filter((r) => {
    const body = r.body as { content?: unknown; embeds?: unknown; data?: { content?: unknown; embeds?: unknown } } | undefined;
    if (!body || typeof body !== 'object') return false;
    return body.content !== undefined || body.embeds !== undefined || body.data?.content !== undefined || body.data?.embeds !== undefined;
  });
}

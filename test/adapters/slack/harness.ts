import type { Logger } from '@slack/bolt';
import { LogLevel } from '@slack/bolt';
import { Bot } from '../../../src/bot/bot.ts';
import type { TextRefs } from '../../../src/state/text-refs.ts';
import { createSlackApp, EVENTS_PATH, type SlackApp } from '../../../src/adapters/slack/app.ts';
import type { SlackSettings } from '../../../src/adapters/slack/settings.ts';
import type { DigestCommandContext, DigestCommands } from '../../../src/core/digest-commands.ts';
import type { ReplyTarget } from '../../../src/core/delivery.ts';
import type { GuestCheckRequests, SubmitOptions, SubmitResult, UploadedFile } from '../../../src/core/guest-check-requests.ts';
import { reply, type Reply } from '../../../src/core/reply.ts';
import { MemoryDedupeStore, type DedupeStore } from '../../../src/state/dedupe-store.ts';
import type { ThreadStore } from '../../../src/state/thread-store.ts';
import { MemoryFeedbackStore } from '../../../src/core/feedback-store.ts';
import { realKb } from '../../helpers/real-kb.ts';
import { FakeSlackApi, type FakeSlackOptions, type RecordedCall } from './fake-slack-api.ts';
import {
  FORM_TYPE,
  JSON_TYPE,
  blockActionPayload,
  eventEnvelope,
  interactionBody,
  postSigned,
  slashCommandBody,
  type ButtonPress,
  type PostResult,
  type SignOptions,
} from './signed-requests.ts';
import { declinedRecorder } from '../../../src/bot/declined.ts';
import type { AnswerLedger } from '../../../src/corrections/ledger.ts';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

/** A Bolt logger that keeps what it was told, for assertions, and prints nothing. */
export class MemoryLogger implements Logger {
  readonly lines: Array<{ level: string; text: string }> = [];
  private level = LogLevel.DEBUG;
  debug(...msg: unknown[]): void {
    this.lines.push({ level: 'debug', text: msg.map(String).join(' ') });
  }
  info(...msg: unknown[]): void {
    this.lines.push({ level: 'info', text: msg.map(String).join(' ') });
  }
  warn(...msg: unknown[]): void {
    this.lines.push({ level: 'warn', text: msg.map(String).join(' ') });
  }
  error(...msg: unknown[]): void {
    this.lines.push({ level: 'error', text: msg.map(String).join(' ') });
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(): void {}
  errors(): string[] {
    return this.lines.filter((l) => l.level === 'error').map((l) => l.text);
  }
}

/** A GuestCheckRequests that keeps every submission and answers what it is told to. */
export class RecordingGuestChecks implements GuestCheckRequests {
  readonly submissions: Array<{ upload: UploadedFile; target: ReplyTarget; user: string | undefined; options: SubmitOptions | undefined }> =
    [];
  next: SubmitResult = { status: 'queued', jobId: 'job-1' };
  submit(upload: UploadedFile, target: ReplyTarget, user?: string, options?: SubmitOptions): Promise<SubmitResult> {
    this.submissions.push({ upload, target, user, options });
    return Promise.resolve(this.next);
  }
}

export class RecordingDigest implements DigestCommands {
  readonly runs: Array<{ args: readonly string[]; context: DigestCommandContext }> = [];
  run(args: readonly string[], context: DigestCommandContext): Promise<Reply> {
    this.runs.push({ args, context });
    return Promise.resolve(
      reply({
        intent: 'digest',
        title: 'Digest',
        text: context.canManageChannel ? `Subscribed ${context.target.channel}.` : 'Only people who manage this channel can subscribe it.',
      }),
    );
  }
}

export interface HarnessOptions {
  readonly fake?: FakeSlackOptions;
  readonly bot?: Bot;
  readonly ackBudgetMs?: number;
  readonly digest?: boolean | DigestCommands;
  readonly guestChecks?: boolean;
  readonly admins?: readonly string[];
  readonly threads?: ThreadStore;
  readonly refs?: TextRefs;
  readonly dedupe?: DedupeStore;
  readonly answers?: AnswerLedger;
}

/** The real Slack app on an HTTP receiver (port 0), talking to a fake Web API, with memory stores. */
export class Harness {
  readonly sign: SignOptions = { secret: SIGNING_SECRET };

  private constructor(
    readonly fake: FakeSlackApi,
    readonly slack: SlackApp,
    readonly feedback: MemoryFeedbackStore,
    readonly guestChecks: RecordingGuestChecks,
    readonly digest: RecordingDigest,
    readonly logger: MemoryLogger,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const fake = await FakeSlackApi.start(options.fake);
    const settings: SlackSettings = {
      botToken: fake.botToken,
      signingSecret: SIGNING_SECRET,
      apiUrl: fake.apiUrl,
      port: 0,
      admins: options.admins ?? [],
      mode: 'http',
    };
    const feedback = new MemoryFeedbackStore();
    const guestChecks = new RecordingGuestChecks();
    const digest = new RecordingDigest();
    const logger = new MemoryLogger();
    const kb = realKb();
    const slack = createSlackApp({
      settings,
      bot: options.bot ?? new Bot(() => kb, undefined, declinedRecorder(feedback)),
      dedupe: options.dedupe ?? new MemoryDedupeStore(),
      ...(options.threads ? { threads: options.threads } : {}),
      ...(options.refs ? { refs: options.refs } : {}),
      feedback,
      ...(options.guestChecks === false ? {} : { guestChecks }),
      ...(options.digest ? { digest: typeof options.digest === 'object' ? options.digest : digest } : {}),
      logger,
      ...(options.answers ? { answers: options.answers } : {}),
      ...(options.ackBudgetMs !== undefined ? { ackBudgetMs: options.ackBudgetMs } : {}),
    });
    await slack.start();
    return new Harness(fake, slack, feedback, guestChecks, digest, logger);
  }

  get eventsUrl(): string {
    return `http://127.0.0.1:${String(this.slack.port)}${EVENTS_PATH}`;
  }

  postEvent(
    event: Record<string, unknown>,
    options: Partial<SignOptions> & { eventId?: string } = {},
  ): Promise<PostResult & { eventId: string }> {
    const { body, eventId } = eventEnvelope(event, {
      team: this.fake.teamId,
      botUserId: this.fake.botUserId,
      ...(options.eventId ? { eventId: options.eventId } : {}),
    });
    return postSigned(this.eventsUrl, body, JSON_TYPE, { ...this.sign, ...options }).then((r) => ({ ...r, eventId }));
  }

  /** Posts a raw envelope body (for a retry of the very same delivery). */
  postRaw(body: string, options: Partial<SignOptions> = {}): Promise<PostResult> {
    return postSigned(this.eventsUrl, body, JSON_TYPE, { ...this.sign, ...options });
  }

  slash(text: string, fields: { user?: string; channel?: string; triggerId?: string } = {}): Promise<PostResult & { responseUrl: string }> {
    const responseUrl = this.fake.responseUrl();
    const body = slashCommandBody({ text, responseUrl, team: this.fake.teamId, ...fields });
    return postSigned(this.eventsUrl, body, FORM_TYPE, this.sign).then((r) => ({ ...r, responseUrl }));
  }

  press(press: Omit<ButtonPress, 'responseUrl'>): Promise<PostResult & { responseUrl: string }> {
    const responseUrl = this.fake.responseUrl();
    const body = interactionBody(blockActionPayload({ team: this.fake.teamId, ...press, responseUrl }));
    return postSigned(this.eventsUrl, body, FORM_TYPE, this.sign).then((r) => ({ ...r, responseUrl }));
  }

  /** The POST lisbot made to a given response_url. */
  responseTo(responseUrl: string): Promise<RecordedCall> {
    return this.fake.waitFor((c) => c.kind === 'respond' && `${this.fake.url}${c.method}` === responseUrl);
  }

  async stop(): Promise<void> {
    await this.slack.stop();
    await this.fake.close();
  }
}

/** Waits a little so a late, unwanted second request would have arrived. */
export function settle(ms = 250): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** All text a recorded message carries (fallback and blocks), for content assertions. */
export function messageText(body: Record<string, unknown>): string {
  return `${typeof body.text === 'string' ? body.text : ''}\n${JSON.stringify(body.blocks ?? [])}`;
}

/** The text a person sees: the fallback and every text object in the blocks (not button values, which are never shown). */
export function visibleText(body: Record<string, unknown>): string {
  const out: string[] = [typeof body.text === 'string' ? body.text : ''];
  const walk = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) node.forEach((n) => walk(n));
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) {
        if (k !== 'value') walk(v, k);
      }
    else if (typeof node === 'string' && key === 'text') out.push(node);
  };
  walk(body.blocks);
  return out.join('\n');
}

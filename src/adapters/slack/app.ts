import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi, type Authorize, type Logger } from '@slack/bolt';
import type { SlackDeps } from './deps.ts';
import { MemoryTextRefs, type TextRefs } from '../../state/text-refs.ts';
import { isHandledActionId, registerListeners } from './listeners/index.ts';
import { MAX_SLACK_BODY_BYTES, gateSlackRequests } from './request-gate.ts';
import { SlackReplyPoster, slackClientOptions } from './poster.ts';
import { MemoryThreadStore, type ThreadStore } from '../../state/thread-store.ts';

export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';

/** What the listeners use, less what createSlackApp fills in: logger, ack budget (1,500 ms, well inside Slack's 3 s) and fetch default. */
export interface SlackAppOptions extends Omit<SlackDeps, 'logger' | 'threads' | 'refs' | 'ackBudgetMs' | 'fetch'> {
  readonly logger?: Logger;
  readonly ackBudgetMs?: number;
  readonly fetch?: typeof fetch;
  readonly threads?: ThreadStore;
  readonly refs?: TextRefs;
}

export interface SlackApp {
  readonly app: App;
  readonly mode: 'socket' | 'http';
  readonly receiver: HTTPReceiver | SocketModeReceiver;
  /** A Web API client with the bot token, for workers. */
  readonly client: webApi.WebClient;
  readonly poster: SlackReplyPoster;
  readonly deps: SlackDeps;
  /** The bound HTTP port once started (HTTP mode; PORT=0 picks a free one). */
  readonly port: number | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Single-workspace authorization without an auth.test at start-up: the bot's user and bot ids are looked up on the
 * first event and cached (a failed lookup is retried on the next event).
 */
export function cachedAuthorize(client: webApi.WebClient, botToken: string): Authorize<boolean> {
  let identity: Promise<{ botUserId?: string; botId?: string }> | undefined;
  return async () => {
    identity ??= client.auth.test({ token: botToken }).then(
      (result) => ({ ...(result.user_id ? { botUserId: result.user_id } : {}), ...(result.bot_id ? { botId: result.bot_id } : {}) }),
      (error: unknown) => {
        identity = undefined;
        throw error;
      },
    );
    return { botToken, ...(await identity) };
  };
}

/** Builds the Slack adapter: a Bolt app in Socket Mode (SLACK_APP_TOKEN) or on an HTTP receiver at /slack/events. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { settings } = options;
  if (!settings.appToken && !settings.signingSecret) throw new Error('SLACK_SIGNING_SECRET is required in HTTP mode');
  const logging = options.logger ? { logger: options.logger } : { logLevel: LogLevel.INFO };
  const receiver = settings.appToken
    ? new SocketModeReceiver({ appToken: settings.appToken, ...logging })
    : new HTTPReceiver({
        signingSecret: settings.signingSecret ?? '',
        endpoints: EVENTS_PATH,
        port: settings.port,
        unhandledRequestTimeoutMillis: 2900,
        bodyLimit: MAX_SLACK_BODY_BYTES,
        customRoutes: [
          {
            path: HEALTH_PATH,
            method: ['GET'],
            handler: (_req, res) => {
              res.writeHead(200, { 'content-type': 'text/plain' });
              res.end('ok');
            },
          },
        ],
        ...logging,
      });

  if (receiver instanceof HTTPReceiver) {
    receiver.requestListener = gateSlackRequests(
      {
        signingSecret: settings.signingSecret ?? '',
        path: EVENTS_PATH,
        handledAction: isHandledActionId,
        logger: options.logger ?? { warn: () => undefined },
      },
      receiver.requestListener,
    );
  }

  const clientOptions = slackClientOptions(settings, options.logger);
  const client = new webApi.WebClient(settings.botToken, clientOptions);
  // lisbot keeps conversation context in its own store, so Bolt's conversation store is off.
  const app = new App({ receiver, authorize: cachedAuthorize(client, settings.botToken), clientOptions, convoStore: false, ...logging });
  const deps: SlackDeps = {
    settings,
    bot: options.bot,
    dedupe: options.dedupe,
    feedback: options.feedback,
    ...(options.guestChecks ? { guestChecks: options.guestChecks } : {}),
    ...(options.digest ? { digest: options.digest } : {}),
    ...(options.answers ? { answers: options.answers } : {}),
    logger: app.logger,
    threads: options.threads ?? new MemoryThreadStore(),
    refs: options.refs ?? new MemoryTextRefs(),
    ackBudgetMs: options.ackBudgetMs ?? 1500,
    fetch: options.fetch ?? globalThis.fetch,
  };
  registerListeners(app, deps);
  app.error((error) => {
    app.logger.error(`slack listener failed: ${error.message}`);
    return Promise.resolve();
  });

  let port: number | undefined;
  return {
    app,
    mode: settings.appToken ? 'socket' : 'http',
    receiver,
    client,
    poster: new SlackReplyPoster(client),
    deps,
    get port() {
      return port;
    },
    async start() {
      if (receiver instanceof HTTPReceiver) {
        const server = await receiver.start(settings.port);
        port = (server.address() as AddressInfo).port;
      } else {
        await receiver.start();
      }
    },
    async stop() {
      await receiver.stop();
      port = undefined;
    },
  };
}

import { createHmac } from 'node:crypto';

/** Slack's request signature: `v0=` + HMAC-SHA256 over `v0:<timestamp>:<raw body>` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignOptions {
  readonly secret: string;
  /** Seconds since the epoch; defaults to now. */
  readonly timestamp?: number;
  /** Sent instead of the correct signature. */
  readonly signature?: string;
  readonly retryNum?: number;
  readonly retryReason?: string;
}

export interface PostResult {
  readonly status: number;
  readonly body: string;
  /** Time from sending to the full response, ms. */
  readonly ms: number;
}

export function signedHeaders(body: string, contentType: string, options: SignOptions): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? slackSignature(options.secret, timestamp, body),
    ...(options.retryNum !== undefined
      ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': options.retryReason ?? 'http_timeout' }
      : {}),
  };
}

/** POSTs a body to the app exactly as Slack would, signed. */
export async function postSigned(url: string, body: string, contentType: string, options: SignOptions): Promise<PostResult> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: signedHeaders(body, contentType, options), body });
  const text = await response.text();
  return { status: response.status, body: text, ms: performance.now() - started };
}

export const JSON_TYPE = 'application/json';
export const FORM_TYPE = 'application/x-www-form-urlencoded';

let eventCounter = 0;

/** An Events API envelope around an event. */
export function eventEnvelope(
  event: Record<string, unknown>,
  options: { team?: string; eventId?: string; botUserId?: string } = {},
): { body: string; eventId: string } {
  const eventId = options.eventId ?? `Ev${Date.now().toString(36).toUpperCase()}${++eventCounter}`;
  const team = options.team ?? 'T0TEAM';
  const envelope = {
    token: 'legacy-verification-token',
    team_id: team,
    api_app_id: 'A0LISBOT',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: null, team_id: team, user_id: options.botUserId ?? 'U0LISBOT', is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  };
  return { body: JSON.stringify(envelope), eventId };
}

let tsCounter = 0;
/** A unique message ts, like Slack's. */
export function nextTs(): string {
  return `${Math.floor(Date.now() / 1000)}.${String(++tsCounter).padStart(6, '0')}`;
}

/** A slash command as Slack posts it (form-encoded). */
export function slashCommandBody(fields: {
  text: string;
  responseUrl: string;
  user?: string;
  channel?: string;
  team?: string;
  triggerId?: string;
  command?: string;
}): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: fields.team ?? 'T0TEAM',
    team_domain: 'fake',
    channel_id: fields.channel ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: fields.user ?? 'U0ALICE',
    user_name: 'alice',
    command: fields.command ?? '/lis',
    text: fields.text,
    api_app_id: 'A0LISBOT',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? `${Date.now()}.${++tsCounter}.trigger`,
  }).toString();
}

/** An interaction (button press) as Slack posts it: form-encoded `payload=<json>`. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface ButtonPress {
  readonly actionId: string;
  readonly value: string;
  readonly responseUrl: string;
  readonly user?: string;
  readonly channel?: string;
  readonly team?: string;
  /** The message carrying the button; omit for an ephemeral message. */
  readonly message?: { ts: string; thread_ts?: string; text?: string };
  readonly blockId?: string;
  readonly triggerId?: string;
}

/** A block_actions payload for one button press. */
export function blockActionPayload(press: ButtonPress): Record<string, unknown> {
  const channel = press.channel ?? 'C0GENERAL';
  const team = press.team ?? 'T0TEAM';
  return {
    type: 'block_actions',
    team: { id: team, domain: 'fake' },
    user: { id: press.user ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: team },
    api_app_id: 'A0LISBOT',
    token: 'legacy-verification-token',
    container: press.message
      ? {
          type: 'message',
          message_ts: press.message.ts,
          channel_id: channel,
          is_ephemeral: false,
          ...(press.message.thread_ts ? { thread_ts: press.message.thread_ts } : {}),
        }
      : { type: 'message', message_ts: nextTs(), channel_id: channel, is_ephemeral: true },
    trigger_id: press.triggerId ?? `${Date.now()}.${++tsCounter}.trigger`,
    channel: { id: channel, name: 'general' },
    ...(press.message
      ? { message: { type: 'message', user: 'U0LISBOT', bot_id: 'B0LISBOT', text: press.message.text ?? '', ...press.message } }
      : {}),
    response_url: press.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: press.actionId,
        block_id: press.blockId ?? 'lis-actions',
        value: press.value,
        text: { type: 'plain_text', text: 'button' },
        action_ts: nextTs(),
      },
    ],
  };
}

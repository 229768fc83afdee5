import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';

/** Slack's own payloads are far below this; anything larger is refused before it is read (Bolt would buffer 4 MB). */
export const MAX_SLACK_BODY_BYTES = 512 * 1024;
/** Slack signs with the current time: older or newer than this is a replay or a forgery. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface GateOptions {
  readonly signingSecret: string;
  readonly path: string;
  /** Whether a block_actions action_id is one lisbot has a listener for. */
  readonly handledAction: (actionId: string) => boolean;
  readonly logger: { warn(message: string): void };
  readonly maxBodyBytes?: number;
  readonly now?: () => number;
}

type Verdict = { readonly ok: true } | { readonly ok: false; readonly status: number; readonly reason: string };

const refuse = (status: number, reason: string): Verdict => ({ ok: false, status, reason });
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Whether a verified, parsed body is a shape lisbot handles; Bolt is only given those. */
export function checkShape(body: unknown, handledAction: (actionId: string) => boolean): Verdict | 'ack' {
  if (!isObject(body)) return refuse(400, 'the body is not an object');
  if (body.ssl_check === '1') return { ok: true };
  if (isText(body.command)) {
    return isText(body.user_id) && isText(body.channel_id) && typeof (body.text ?? '') === 'string'
      ? { ok: true }
      : refuse(400, 'a slash command without user_id or channel_id');
  }
  switch (body.type) {
    case 'url_verification':
      return isText(body.challenge) ? { ok: true } : refuse(400, 'url_verification without a challenge');
    case 'event_callback': {
      const event = body.event;
      if (!isObject(event) || !isText(event.type)) return refuse(400, 'event_callback without an event type');
      return { ok: true };
    }
    case 'app_rate_limited':
      return 'ack';
    case 'block_actions': {
      const user = body.user;
      const actions = body.actions;
      if (!isObject(user) || !isText(user.id)) return refuse(400, 'block_actions without a user');
      if (!Array.isArray(actions) || actions.length === 0 || !actions.every((a) => isObject(a) && isText(a.action_id)))
        return refuse(400, 'block_actions without actions');
      if (body.container !== undefined && !isObject(body.container)) return refuse(400, 'block_actions with a malformed container');
      for (const field of ['channel', 'message', 'team'] as const)
        if (body[field] !== undefined && body[field] !== null && !isObject(body[field]))
          return refuse(400, `block_actions with a malformed ${field}`);
      // A button lisbot does not handle (a link button, an old message): acknowledged, nothing to do.
      return actions.some((a) => handledAction(String((a as Record<string, unknown>).action_id))) ? { ok: true } : 'ack';
    }
    default:
      return refuse(
        400,
        `a payload of type ${typeof body.type === 'string' ? JSON.stringify(body.type.slice(0, 40)) : 'none'} lisbot does not handle`,
      );
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function signatureMatches(secret: string, timestamp: string, body: Buffer, signature: string): boolean {
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  const text = raw.toString('utf8');
  if ((contentType ?? '').split(';')[0]?.trim() === 'application/x-www-form-urlencoded') {
    const form = parseForm(text);
    return typeof form.payload === 'string' ? (JSON.parse(form.payload) as unknown) : { ...form };
  }
  return JSON.parse(text) as unknown;
}

function readLimited(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: Buffer | 'too-large' | 'aborted') => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        request.pause();
        finish('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => finish(Buffer.concat(chunks, size)));
    request.on('error', () => finish('aborted'));
    request.on('close', () => finish('aborted'));
  });
}

function answer(response: ServerResponse, status: number, close = false): void {
  if (response.headersSent) return;
  response.writeHead(status, close ? { connection: 'close' } : {}).end();
}

/**
 * Runs in front of Bolt's HTTP receiver, on the events path: refuses, before reading the body, requests without a
 * signature or with a timestamp more than 5 minutes off (in either direction) or a declared size over the limit;
 * reads at most the limit; checks the signature; and hands Bolt only the payload shapes lisbot handles (400 for the
 * rest). Bolt then finds the body already read (`rawBody`) and verifies it once more.
 */
export function gateSlackRequests(
  options: GateOptions,
  next: (request: IncomingMessage, response: ServerResponse) => void,
): (request: IncomingMessage, response: ServerResponse) => void {
  const limit = options.maxBodyBytes ?? MAX_SLACK_BODY_BYTES;
  const now = options.now ?? Date.now;
  const reject = (response: ServerResponse, status: number, reason: string, close = false) => {
    options.logger.warn(`refused a request to ${options.path} (${status}): ${reason}`);
    answer(response, status, close);
  };
  return (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== options.path || request.method !== 'POST') {
      next(request, response);
      return;
    }
    void (async () => {
      const signature = header(request, 'x-slack-signature');
      const timestamp = header(request, 'x-slack-request-timestamp');
      const declared = Number(header(request, 'content-length') ?? Number.NaN);
      if (Number.isFinite(declared) && declared > limit) return reject(response, 413, `declared ${declared} bytes`, true);
      const seconds = Number(timestamp);
      const form = (header(request, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded');
      if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) {
        // Slack's ssl_check is the one unsigned request: a small form, passed on to Bolt, which strips it to ssl_check=1.
        if (!form) return reject(response, 401, 'no signature', true);
      } else if (Math.abs(now() / 1000 - seconds) > MAX_CLOCK_SKEW_SECONDS) {
        return reject(response, 401, 'timestamp more than 5 minutes off', true);
      }
      const raw = await readLimited(request, signature ? limit : 1024);
      if (raw === 'aborted') return answer(response, 400, true);
      if (raw === 'too-large') return reject(response, 413, 'body over the limit', true);
      if (!signature || !timestamp) {
        if (parseForm(raw.toString('utf8')).ssl_check !== '1') return reject(response, 401, 'no signature');
        Object.assign(request, { rawBody: Buffer.from('ssl_check=1') });
        next(request, response);
        return;
      }
      if (!signatureMatches(options.signingSecret, timestamp, raw, signature)) return reject(response, 401, 'signature mismatch');
      let body: unknown;
      try {
        body = parseBody(raw, header(request, 'content-type'));
      } catch {
        return reject(response, 400, 'the body does not parse');
      }
      const verdict = checkShape(body, options.handledAction);
      if (verdict === 'ack') return answer(response, 200);
      if (!verdict.ok) return reject(response, verdict.status, verdict.reason);
      Object.assign(request, { rawBody: raw });
      next(request, response);
    })().catch((error: unknown) => {
      options.logger.warn(`request gate failed: ${error instanceof Error ? error.message : String(error)}`);
      answer(response, 500);
    });
  };
}

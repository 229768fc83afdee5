import { LogLevel, type Logger } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';

/**
 * The WebClient logs each request's and response's body at debug level: users' questions, answers and file
 * contents. Only the fact of the request is kept.
 */
function withoutContent(text: string): string {
  const body = /^(http request body|http request result|http response received)\b/i.exec(text);
  return body ? `${body[1]!}: [${text.length} characters omitted]` : text;
}

/** A Bolt logger that writes through pino, so Bolt's own lines are JSON with the rest and pass the same redaction. */
export function boltLogger(pino: PinoLogger): Logger {
  let logger = pino.child({ component: 'slack' });
  const line = (msg: unknown[]) =>
    msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg: unknown[]) => logger.debug(withoutContent(line(msg))),
    info: (...msg: unknown[]) => logger.info(line(msg)),
    warn: (...msg: unknown[]) => logger.warn(line(msg)),
    error: (...msg: unknown[]) => logger.error(line(msg)),
    setLevel: () => undefined,
    getLevel: () => (pino.level === 'debug' || pino.level === 'trace' ? LogLevel.DEBUG : LogLevel.INFO),
    setName: (name: string) => {
      logger = pino.child({ component: name });
    },
  };
}

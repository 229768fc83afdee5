import { randomUUID } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { SECRET_VARS } from '../config/env.ts';

/** Paths pino blanks out wherever they appear: tokens, signing secrets, auth headers and upload contents. */
export const REDACTED_PATHS = [
  ...SECRET_VARS,
  ...SECRET_VARS.map((name) => `*.${name}`),
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'content',
  '*.content',
  'upload',
  '*.upload',
  'text',
  '*.text',
];

/** JSON logs on stderr (stdout stays for command output), secrets redacted. */
export function createLogger(level = 'info', destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    { level, base: { app: 'lisbot' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    destination as pino.DestinationStream,
  );
}

/** A child logger carrying one request id, for one message or one job. */
export function requestLogger(logger: Logger, requestId: string = randomUUID()): Logger {
  return logger.child({ requestId });
}

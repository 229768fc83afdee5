import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createLogger, requestLogger } from '../../src/observability/logger.ts';

test('logs are JSON with a request id, and tokens, secrets and upload contents are redacted', () => {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString()));
  const logger = requestLogger(createLogger('info', out), 'req-1');
  logger.info(
    {
      SLACK_BOT_TOKEN: 'xoxb-1234567890-SECRETA',
      settings: { SLACK_SIGNING_SECRET: 'SECRETB', DISCORD_TOKEN: 'SECRETC' },
      headers: { authorization: 'Bearer SECRETD' },
      upload: { content: 'root password SECRETE' },
      token: 'SECRETF',
    },
    'handled',
  );
  const line = chunks.join('');
  const parsed = JSON.parse(line) as Record<string, unknown>;
  assert.equal(parsed.requestId, 'req-1');
  assert.equal(parsed.msg, 'handled');
  for (const secret of ['SECRETA', 'SECRETB', 'SECRETC', 'SECRETD', 'SECRETE', 'SECRETF'])
    assert.doesNotMatch(line, new RegExp(secret), secret);
  assert.match(line, /\[redacted\]/);
});

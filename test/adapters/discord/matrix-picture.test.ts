import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { APIEmbed } from 'discord.js';
import type { RecordedRequest } from './fake-discord.ts';
import { buttonPress, slashCommand, str } from './payloads.ts';
import { withDiscord } from './harness.ts';
import { UPLOAD_LIMIT_BYTES } from '../../../src/adapters/discord/render/limits.ts';
import { decodePng } from '../../knowledge/render/png.ts';

interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  flags?: number;
  attachments?: Array<{ id: string | number; description?: string; filename?: string }>;
}

/** The request that carried the message's files: the callback (type 4) or the edit of a deferred original. */
function upload(requests: readonly RecordedRequest[]): { request: RecordedRequest; message: MessageBody } {
  const request = requests.find((r) => r.files && r.files.length > 0);
  assert.ok(request, `a multipart request with files; saw ${requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  const body = request.body as { type?: number; data?: MessageBody } & MessageBody;
  return { request, message: body.data ?? body };
}

describe('matrix pictures on Discord', () => {
  test('/lis matrix name:ubuntu → one PNG attached with alt text, shown as the embed image, the table as fallback', async () => {
    await withDiscord({}, async ({ fake, interact, responsesTo }) => {
      const payload = slashCommand(fake, 'matrix', [str('name', 'ubuntu')]);
      await interact(payload);
      const { request, message } = upload(responsesTo(payload));
      assert.equal(request.files!.length, 1);
      const file = request.files![0]!;
      assert.match(file.filename, /^lisbot-matrix-ubuntu-\d{4}-\d{2}-\d{2}\.png$/);
      assert.ok(file.data.length < UPLOAD_LIMIT_BYTES);
      const image = decodePng(file.data);
      assert.ok(image.width >= 1000 && image.height >= 1000, `${image.width}×${image.height}`);
      assert.match(message.attachments?.[0]?.description ?? '', /^Ubuntu: Hyper-V feature matrix\. Page version/);
      const embed = message.embeds![0]!;
      assert.equal(embed.image?.url, `attachment://${file.filename}`);
      assert.match(embed.title!, /Ubuntu feature matrix/);
      assert.ok((embed.fields ?? []).length > 1, 'the text table is there too');
    });
  });

  test('/lis matrix as_of:"mid 2019" draws the 2019 page; a date it cannot read is a private error with no upload', async () => {
    await withDiscord({}, async ({ fake, interact, responsesTo }) => {
      const old = slashCommand(fake, 'matrix', [str('name', 'ubuntu'), str('as_of', 'mid 2019')]);
      await interact(old);
      const { request, message } = upload(responsesTo(old));
      assert.equal(request.files![0]!.filename, 'lisbot-matrix-ubuntu-2019-06-13.png');
      assert.match(message.embeds![0]!.description!, /2019-06-13 matrix \(the newest page version on 2019-06-30\)/);

      const bad = slashCommand(fake, 'matrix', [str('name', 'ubuntu'), str('as_of', 'someday')]);
      await interact(bad);
      const responses = responsesTo(bad);
      assert.ok(responses.every((r) => !r.files));
      const body = responses[0]!.body as { data: MessageBody };
      assert.equal(body.data.flags, 64);
      assert.match(body.data.content!, /not a date I can read/);
    });
  });

  test('"Show full matrix" attaches the picture to the presser\'s private copy', async () => {
    await withDiscord({}, async ({ fake, interact, responsesTo }) => {
      const ask = slashCommand(fake, 'ask', [str('question', 'does freebsd 12 support trim?')]);
      await interact(ask);
      const message = fake.original(ask.token)!;
      const press = buttonPress(fake, message, 'lis:mx:freebsd');
      await interact(press);
      const responses = responsesTo(press);
      const callback = responses[0]!.body as { type: number; data: MessageBody };
      assert.equal(callback.type, 4, 'the table is answered at once');
      assert.equal(callback.data.flags, 64, 'only the presser sees it');
      const { request, message: sent } = upload(responses);
      assert.equal(request.method, 'PATCH', 'the picture is added to that same message');
      assert.match(request.path, /\/messages\/@original$/);
      assert.match(request.files![0]!.filename, /^lisbot-matrix-freebsd-/);
      assert.equal(sent.embeds![0]!.image?.url, `attachment://${request.files![0]!.filename}`);
      decodePng(request.files![0]!.data);
    });
  });
});

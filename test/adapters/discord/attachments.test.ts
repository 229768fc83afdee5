import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AttachmentError, attachmentDownloader } from '../../../src/adapters/discord/attachments.ts';
import { FakeDiscord } from './fake-discord.ts';
import { attachmentOption, slashCommand } from './payloads.ts';
import { withDiscord } from './harness.ts';

describe('attachment downloads', () => {
  test("only Discord's CDN (or the configured API origin) over https, within the byte limit even when the length lies", async () => {
    const fake = await new FakeDiscord().start();
    try {
      const file = fake.addFile('out.txt', 'hello');
      const download = attachmentDownloader({ extraOrigin: fake.apiUrl });
      assert.equal((await download(file.url, 100)).toString(), 'hello');
      await assert.rejects(download(file.url, 3), AttachmentError);
      await assert.rejects(
        attachmentDownloader()(file.url, 100),
        /not on Discord's CDN/,
        'the fake origin is not allowed without the override',
      );
      await assert.rejects(
        download('http://cdn.discordapp.com/attachments/1/2/x.txt', 100),
        /not on Discord's CDN/,
        'plain http to the CDN is refused',
      );
      await assert.rejects(download('https://169.254.169.254/latest/meta-data', 100), /not on Discord's CDN/);
      await assert.rejects(download('not a url', 100), /not valid/);
    } finally {
      await fake.stop();
    }
    let asked: string | undefined;
    const lying = attachmentDownloader({
      fetch: (input) => {
        asked = input instanceof URL ? input.href : typeof input === 'string' ? input : input.url;
        return Promise.resolve(
          new Response(
            new ReadableStream({
              pull(controller) {
                controller.enqueue(new Uint8Array(64 * 1024));
              },
            }),
          ),
        );
      },
    });
    await assert.rejects(lying('https://cdn.discordapp.com/attachments/1/2/big.txt?ex=1', 1024 * 1024), /larger than the limit/);
    assert.equal(asked, 'https://cdn.discordapp.com/attachments/1/2/big.txt?ex=1');
  });

  test('/lis check without a guest check wired explains how to check locally, and downloads nothing', async () => {
    await withDiscord({}, async ({ fake, interact, responsesTo }) => {
      const file = fake.addFile('lis-collect.txt', 'x');
      const payload = slashCommand(fake, 'check', [attachmentOption('file', file)], { files: [file] });
      await interact(payload);
      const body = responsesTo(payload)[0]!.body as {
        type: number;
        data: { flags: number; embeds: Array<{ fields: Array<{ value: string }> }> };
      };
      assert.equal(body.type, 4);
      assert.equal(body.data.flags, 64);
      assert.match(JSON.stringify(body.data.embeds), /lisbot check FILE/);
      assert.equal(fake.requests.filter((r) => r.path.startsWith('/attachments/')).length, 0);
    });
  });
});

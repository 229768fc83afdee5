import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Harness } from './harness.ts';
import type { RecordedCall } from './fake-slack-api.ts';
import { decodePng } from '../../knowledge/render/png.ts';

let ts = 1_700_000_000;
const nextTs = () => `${++ts}.000100`;

/** The three calls of one files.uploadV2 for a channel, after `since` calls were already recorded. */
async function uploadTo(h: Harness, channel: string): Promise<{ url: RecordedCall; upload: RecordedCall; complete: RecordedCall }> {
  const complete = await h.fake.waitFor((c) => c.method === 'files.completeUploadExternal' && c.body.channel_id === channel, 10_000);
  const index = h.fake.calls.indexOf(complete);
  const before = h.fake.calls.slice(0, index);
  const url = before.filter((c) => c.method === 'files.getUploadURLExternal').at(-1);
  const upload = before.filter((c) => c.kind === 'upload').at(-1);
  assert.ok(url && upload);
  return { url, upload, complete };
}

describe('matrix pictures on Slack', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h.stop();
  });

  test('/lis matrix ubuntu → the table in the channel inside the ack, then the PNG uploaded there with alt text', async () => {
    const result = await h.slash('matrix ubuntu', { channel: 'C0MXPIC', user: 'U0MX' });
    assert.equal(result.status, 200);
    const ack = JSON.parse(result.body) as { response_type: string; text: string; blocks: unknown[] };
    assert.equal(ack.response_type, 'in_channel');
    assert.match(ack.text, /Ubuntu feature matrix/);
    assert.match(JSON.stringify(ack.blocks), /Feature/);
    const { url, upload, complete } = await uploadTo(h, 'C0MXPIC');
    assert.match(String(url.body.filename), /^lisbot-matrix-ubuntu-\d{4}-\d{2}-\d{2}\.png$/);
    assert.match(String(url.body.alt_text), /^Ubuntu: Hyper-V feature matrix\. Page version/);
    const png = upload.data!;
    assert.equal(Number(url.body.length), png.length);
    const image = decodePng(png);
    assert.ok(image.width >= 1000 && image.height >= 1000, `${image.width}×${image.height}`);
    assert.equal(complete.body.thread_ts, undefined);
  });

  test('/lis matrix ubuntu as of mid 2019 draws the 2019 page; an unknown distro is a private error, nothing uploaded', async () => {
    await h.slash('matrix ubuntu as of mid 2019', { channel: 'C0MXOLD' });
    const { url } = await uploadTo(h, 'C0MXOLD');
    assert.equal(url.body.filename, 'lisbot-matrix-ubuntu-2019-06-13.png');

    const calls = h.fake.calls.length;
    const bad = await h.slash('matrix plan9', { channel: 'C0MXBAD' });
    const ack = JSON.parse(bad.body) as { response_type: string; text: string };
    assert.equal(ack.response_type, 'ephemeral');
    assert.match(ack.text, /Name a distribution/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(h.fake.calls.slice(calls).filter((c) => c.method.startsWith('files.')).length, 0);
  });

  test('"Show full matrix" puts the picture in the same thread as the table', async () => {
    const thread = nextTs();
    await h.press({
      actionId: 'lis:show-matrix:0',
      value: 'matrix:freebsd',
      channel: 'C0MXBTN',
      message: { ts: nextTs(), thread_ts: thread },
    });
    const post = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0MXBTN');
    assert.equal(post.body.thread_ts, thread);
    const { url, complete } = await uploadTo(h, 'C0MXBTN');
    assert.equal(complete.body.thread_ts, thread);
    assert.match(String(url.body.filename), /^lisbot-matrix-freebsd-/);
  });

  test('an upload Slack refuses (not_in_channel) leaves the table and tells the asker privately', async () => {
    h.fake.failNext('files.getUploadURLExternal', { error: 'not_in_channel' });
    const result = await h.slash('matrix rhel on 2012 r2', { channel: 'C0MXNOPE' });
    const ack = JSON.parse(result.body) as { response_type: string; text: string };
    assert.equal(ack.response_type, 'in_channel');
    assert.match(ack.text, /on 2012 R2/);
    const notice = await h.responseTo(result.responseUrl);
    assert.equal(notice.body.response_type, 'ephemeral');
    assert.match(String(notice.body.text), /could not attach the matrix picture/);
    assert.ok(h.logger.lines.some((l) => l.level === 'warn' && /not_in_channel/.test(l.text)));
  });
});

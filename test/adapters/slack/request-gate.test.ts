import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { Harness } from './harness.ts';
import { FORM_TYPE, JSON_TYPE, blockActionPayload, eventEnvelope, interactionBody, nextTs, postSigned } from './signed-requests.ts';

/** A raw POST with chosen headers, for requests fetch would not send as-is. */
function rawPost(url: string, headers: Record<string, string>, body: Buffer | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve(-1) : reject(error),
    );
    if (body) req.write(body);
    req.end();
  });
}

describe('malformed but signed payloads get a 400 at once, and nothing ends the process', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h.stop();
  });

  const signedJson = (body: string) => postSigned(h.eventsUrl, body, JSON_TYPE, h.sign);
  const signedForm = (body: string) => postSigned(h.eventsUrl, body, FORM_TYPE, h.sign);

  test('a signed body of null, and payload=null, are refused with 400', async () => {
    for (const body of ['null', '[]', '42', '"text"', 'true']) {
      assert.equal((await signedJson(body)).status, 400, `JSON body ${body}`);
    }
    for (const body of ['payload=null', 'payload=%5B%5D', 'payload=7', 'payload=%7B%7D', 'payload=not-json']) {
      assert.equal((await signedForm(body)).status, 400, `form body ${body}`);
    }
  });

  test('block_actions without a user, or without actions, is a 400, not a 500', async () => {
    const press = blockActionPayload({
      actionId: 'lis:show-matrix:0',
      value: 'matrix:rhel',
      responseUrl: h.fake.responseUrl(),
      message: { ts: nextTs() },
    });
    const { user: _user, ...withoutUser } = press;
    assert.equal((await signedForm(interactionBody(withoutUser))).status, 400);
    assert.equal((await signedForm(interactionBody({ ...press, user: null }))).status, 400);
    assert.equal((await signedForm(interactionBody({ ...press, actions: 'x' }))).status, 400);
    assert.equal((await signedForm(interactionBody({ ...press, container: 'x' }))).status, 400);
  });

  test('unknown shapes get a 400 at once, not a 404 after 2.9 s', async () => {
    for (const payload of [
      { type: 'view_submission', user: { id: 'U1' } },
      { type: 'shortcut' },
      { nothing: true },
      { type: 'event_callback', event: null },
      { type: 'event_callback', event: { text: 'no type' } },
    ]) {
      const result = await signedForm(interactionBody(payload));
      assert.equal(result.status, 400, JSON.stringify(payload));
      assert.ok(result.ms < 1000, `answered in ${Math.round(result.ms)} ms`);
    }
    const envelope = await signedJson(JSON.stringify({ type: 'something_new' }));
    assert.equal(envelope.status, 400);
  });

  test('a press of a button lisbot does not handle is acknowledged at once', async () => {
    const press = blockActionPayload({
      actionId: 'someone-elses-button',
      value: 'x',
      responseUrl: h.fake.responseUrl(),
      message: { ts: nextTs() },
    });
    const result = await signedForm(interactionBody(press));
    assert.equal(result.status, 200);
    assert.ok(result.ms < 1000, `answered in ${Math.round(result.ms)} ms`);
  });

  test('timestamps more than 5 minutes in the future or the past are refused', async () => {
    const { body } = eventEnvelope({ type: 'app_mention', text: '<@U0LISBOT> help', user: 'U0ALICE', channel: 'C0CLOCK', ts: nextTs() });
    const now = Math.floor(Date.now() / 1000);
    assert.equal((await postSigned(h.eventsUrl, body, JSON_TYPE, { ...h.sign, timestamp: now + 6 * 60 })).status, 401);
    assert.equal((await postSigned(h.eventsUrl, body, JSON_TYPE, { ...h.sign, timestamp: now - 6 * 60 })).status, 401);
    assert.equal((await postSigned(h.eventsUrl, body, JSON_TYPE, { ...h.sign, timestamp: now + 60 })).status, 200);
  });

  test('bodies are bounded before the signature is checked: an oversized or unsigned body is not buffered', async () => {
    const big = Buffer.alloc(4 * 1024 * 1024, 'a');
    const now = String(Math.floor(Date.now() / 1000));
    const declared = await rawPost(
      h.eventsUrl,
      { 'content-type': JSON_TYPE, 'content-length': String(big.length), 'x-slack-request-timestamp': now, 'x-slack-signature': 'v0=00' },
      big,
    );
    assert.ok(declared === 413 || declared === -1, `declared 4 MB: ${declared}`);
    const unsigned = await rawPost(h.eventsUrl, { 'content-type': JSON_TYPE, 'transfer-encoding': 'chunked' }, big);
    assert.ok(unsigned === 401 || unsigned === -1, `unsigned chunked 4 MB: ${unsigned}`);
    const signedBig = await postSigned(
      h.eventsUrl,
      JSON.stringify({ type: 'event_callback', event: { type: 'app_mention', text: 'x'.repeat(600 * 1024) } }),
      JSON_TYPE,
      h.sign,
    );
    assert.equal(signedBig.status, 413);
  });

  test("Slack's unsigned ssl_check and a url_verification still work, and so does a real question afterwards", async () => {
    assert.equal(await rawPost(h.eventsUrl, { 'content-type': FORM_TYPE }, Buffer.from('ssl_check=1&token=x')), 200);
    const verification = await signedJson(JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 't' }));
    assert.equal(verification.status, 200);
    assert.match(verification.body, /abc123/);
    const ts = nextTs();
    const mention = await h.postEvent({
      type: 'app_mention',
      text: '<@U0LISBOT> does rhel 6.2 need lis?',
      user: 'U0ALICE',
      channel: 'C0AFTER',
      ts,
      event_ts: ts,
    });
    assert.equal(mention.status, 200);
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0AFTER');
  });
});

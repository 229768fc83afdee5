import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_UPLOAD_BYTES } from '../../../src/check/parse/limits.ts';
import { QUEUE_UNAVAILABLE_MESSAGE } from '../../../src/jobs/guest-check/submitter.ts';
import { Harness, settle, visibleText } from './harness.ts';
import { nextTs } from './signed-requests.ts';

const REPORT = Buffer.from('== lis-collect 1.0.0 format 1 ==\n[os-release]\nID=ubuntu\nVERSION_ID="20.04"\n');

function fileShare(channel: string, files: unknown[], fields: { user?: string; thread_ts?: string } = {}) {
  const ts = nextTs();
  return {
    type: 'message',
    subtype: 'file_share',
    channel,
    channel_type: 'im',
    user: fields.user ?? 'U0ALICE',
    text: '',
    files,
    ts,
    event_ts: ts,
    ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}),
  };
}

describe('uploads go to the guest check', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h.stop();
  });

  test('a file shared in a DM is downloaded with the bot token and submitted with its target', async () => {
    const file = h.fake.addFile({ id: 'F0REPORT', name: 'lischeck.txt', content: REPORT });
    await h.postEvent(fileShare('D0UPLOAD', [file], { user: 'U0UPLOADER' }));
    const notice = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0UPLOAD');
    assert.match(visibleText(notice.body), /Checking lischeck\.txt… I'll post the report here/);
    const download = h.fake.calls.find((c) => c.kind === 'download' && c.method.includes('F0REPORT'));
    assert.equal(download?.auth, `Bearer ${h.fake.botToken}`);
    await settle(300);
    assert.equal(h.guestChecks.submissions.length, 1);
    assert.match(
      h.guestChecks.submissions[0]?.options?.progressMessage?.id ?? '',
      /^\d+\.\d+$/,
      'the job gets the "checking…" message to update',
    );
    const [submission] = h.guestChecks.submissions;
    assert.ok(submission?.upload.content.equals(REPORT), 'the exact bytes');
    assert.equal(submission?.upload.fileName, 'lischeck.txt');
    assert.deepEqual(submission?.target, { platform: 'slack', channel: 'D0UPLOAD', team: h.fake.teamId });
    assert.equal(submission?.user, 'U0UPLOADER');
  });

  test('the same file announced twice (message and file_shared) is checked once', async () => {
    const before = h.guestChecks.submissions.length;
    const file = h.fake.addFile({ id: 'F0TWICE', name: 'twice.txt', content: REPORT });
    await h.postEvent(fileShare('D0TWICE', [file]));
    await h.postEvent(fileShare('D0TWICE', [file]));
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0TWICE');
    await settle(300);
    assert.equal(h.guestChecks.submissions.length - before, 1);
  });

  test('an oversize file is refused before download, with a clear message', async () => {
    const file = h.fake.addFile({ id: 'F0HUGE', name: 'sosreport.tar.xz', content: Buffer.from('x'), size: MAX_UPLOAD_BYTES + 1 });
    const before = h.guestChecks.submissions.length;
    await h.postEvent(fileShare('D0HUGE', [file]));
    const notice = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0HUGE');
    assert.match(visibleText(notice.body), /sosreport\.tar\.xz is 5\.1 MB, which is over the 5\.0 MB limit/);
    assert.match(visibleText(notice.body), /upload the report itself/);
    assert.equal(h.fake.calls.filter((c) => c.kind === 'download' && c.method.includes('F0HUGE')).length, 0, 'never downloaded');
    assert.equal(h.guestChecks.submissions.length, before);
  });

  test('a file that turns out bigger than declared is cut off while downloading', async () => {
    const file = h.fake.addFile({ id: 'F0LIAR', name: 'liar.txt', content: Buffer.alloc(MAX_UPLOAD_BYTES + 10, 0x61), size: 100 });
    const before = h.guestChecks.submissions.length;
    await h.postEvent(fileShare('D0LIAR', [file]));
    const notice = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0LIAR');
    assert.match(visibleText(notice.body), /over the 5\.0 MB limit/);
    assert.equal(h.guestChecks.submissions.length, before);
  });

  test('an HTML login page instead of the file is refused and explained', async () => {
    const file = h.fake.addFile({ id: 'F0LOGIN', name: 'report.txt', content: REPORT, loginPage: true });
    await h.postEvent(fileShare('D0LOGIN', [file]));
    const notice = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0LOGIN');
    assert.match(visibleText(notice.body), /sign-in page.*files:read/);
  });

  test('when the guest check is unavailable the user is told to try again shortly', async () => {
    h.guestChecks.next = { status: 'unavailable', message: QUEUE_UNAVAILABLE_MESSAGE };
    try {
      const file = h.fake.addFile({ id: 'F0DOWN', name: 'down.txt', content: REPORT });
      await h.postEvent(fileShare('D0DOWN', [file]));
      const notice = await h.fake.waitFor((c) => c.method === 'chat.update' && c.body.channel === 'D0DOWN');
      assert.match(visibleText(notice.body), /can't check down\.txt right now/, 'the "checking…" message is rewritten');
      const text = visibleText(notice.body).split('\n')[0] ?? '';
      assert.equal(text.match(/try again shortly/gi)?.length, 1, `"try again shortly" said once: ${text}`);
    } finally {
      h.guestChecks.next = { status: 'queued', jobId: 'job-1' };
    }
  });

  test('a file with a mention in a channel thread is checked there', async () => {
    const thread = nextTs();
    const file = h.fake.addFile({ id: 'F0MENTION', name: 'vm1.txt', content: REPORT });
    const ts = nextTs();
    await h.postEvent({
      type: 'app_mention',
      user: 'U0ALICE',
      text: '<@U0LISBOT> check this',
      ts,
      thread_ts: thread,
      channel: 'C0THREAD',
      files: [file],
      event_ts: ts,
    });
    const notice = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0THREAD');
    assert.equal(notice.body.thread_ts, thread);
    await settle(300);
    assert.deepEqual(h.guestChecks.submissions.at(-1)?.target, { platform: 'slack', channel: 'C0THREAD', thread, team: h.fake.teamId });
  });

  test('a file dropped (no mention) into a thread lisbot answered in is checked; elsewhere it is left alone', async () => {
    const channel = 'C0DROP';
    const root = nextTs();
    await h.postEvent({
      type: 'app_mention',
      user: 'U0ALICE',
      text: '<@U0LISBOT> does rhel 6.2 need lis',
      ts: root,
      channel,
      event_ts: root,
    });
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
    const before = h.guestChecks.submissions.length;

    h.fake.addFile({
      id: 'F0ELSEWHERE',
      name: 'other.txt',
      content: REPORT,
      shares: { public: { [channel]: [{ ts: nextTs(), thread_ts: nextTs() }] } },
    });
    await h.postEvent({
      type: 'file_shared',
      file_id: 'F0ELSEWHERE',
      user_id: 'U0ALICE',
      file: { id: 'F0ELSEWHERE' },
      channel_id: channel,
      event_ts: nextTs(),
    });
    h.fake.addFile({
      id: 'F0DROPPED',
      name: 'dropped.txt',
      content: REPORT,
      shares: { public: { [channel]: [{ ts: nextTs(), thread_ts: root }] } },
    });
    await h.postEvent({
      type: 'file_shared',
      file_id: 'F0DROPPED',
      user_id: 'U0ALICE',
      file: { id: 'F0DROPPED' },
      channel_id: channel,
      event_ts: nextTs(),
    });

    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel && /dropped\.txt/.test(String(c.body.text)));
    await settle(200);
    const added = h.guestChecks.submissions.slice(before);
    assert.deepEqual(
      added.map((s) => s.upload.fileName),
      ['dropped.txt'],
    );
    assert.equal(added[0]?.target.thread, root);
  });
});

describe('every file of a message, names made safe', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await h.stop();
  });

  test('all four files of a four-file message are checked', async () => {
    const files = [1, 2, 3, 4].map((n) =>
      h.fake.addFile({ id: `F0FOUR${n}`, name: `vm${n}.txt`, content: Buffer.concat([REPORT, Buffer.from(`# ${n}\n`)]) }),
    );
    await h.postEvent(fileShare('D0FOUR', files));
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0FOUR' && /vm4\.txt/.test(visibleText(c.body)));
    await settle(300);
    assert.deepEqual(
      h.guestChecks.submissions.filter((s) => s.target.channel === 'D0FOUR').map((s) => s.upload.fileName),
      ['vm1.txt', 'vm2.txt', 'vm3.txt', 'vm4.txt'],
    );
  });

  test('control and bidi characters in a file name never reach the notice', async () => {
    const file = h.fake.addFile({ id: 'F0CTRL', name: 'evil\u0007\u001b[31m\u202ename\u0000.txt', content: REPORT });
    await h.postEvent(fileShare('D0CTRL', [file]));
    const notice = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0CTRL');
    const text = visibleText(notice.body);
    assert.match(text, /Checking evil\[31mname\.txt/);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(text.replaceAll('\n', ' '), /[\u0000-\u001f\u202e]/);
    await settle(200);
    assert.equal(h.guestChecks.submissions.find((s) => s.target.channel === 'D0CTRL')?.upload.fileName, 'evil[31mname.txt');
  });
});

describe('without a guest-check service', () => {
  test('an upload is answered with how to check locally instead', async () => {
    const h = await Harness.start({ guestChecks: false });
    try {
      const file = h.fake.addFile({ id: 'F0NOSVC', name: 'lischeck.txt', content: REPORT });
      await h.postEvent(fileShare('D0NOSVC', [file]));
      const notice = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0NOSVC');
      assert.match(visibleText(notice.body), /not enabled.*lisbot check lischeck\.txt/);
    } finally {
      await h.stop();
    }
  });
});

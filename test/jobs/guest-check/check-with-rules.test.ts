// The real check behind the job: the processor with guestCheckRunner on the committed KB, in-process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guestCheckRunner } from '../../../src/jobs/guest-check/check-with-rules.ts';
import { createJobQueues } from '../../../src/jobs/job-queues.ts';
import { realKb } from '../../helpers/real-kb.ts';
import { RecordingPoster, TARGET, testSettings } from '../helpers.ts';

test('a RHEL 6.3 + LIS 3.5 upload is checked by the real rules and its report posted once', async () => {
  const queues = createJobQueues(testSettings({ redisUrl: undefined }));
  const poster = new RecordingPoster('slack');
  const worker = queues.startGuestCheckWorker({ posters: { slack: poster }, check: guestCheckRunner(realKb) });
  try {
    const content = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'bundles', 'rhel63-lis35.txt'));
    const result = await queues.guestCheckService().submit({ fileName: 'rhel63.txt', content }, TARGET, 'U1');
    assert.equal(result.status, 'queued');
    const job = await queues.guestChecks.finished(result.status === 'queued' ? result.jobId : '', 10_000);
    assert.equal(job?.state, 'completed');
    assert.equal(poster.posts.length, 1);
    const report = poster.posts[0]!.reply;
    assert.equal(report.intent, 'guest_check');
    assert.match(JSON.stringify(report), /DM_BALLOON_ONLY|balloon/i);
  } finally {
    await worker.close(1_000);
    await queues.close();
  }
});

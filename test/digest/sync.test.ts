import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../../src/knowledge/index.ts';
import { KnowledgeBaseHolder } from '../../src/knowledge/holder.ts';
import { syncKnowledgeBase, type SyncOptions } from '../../src/knowledge/sync/sync.ts';
import { readKbStatus } from '../../src/knowledge/sync/status.ts';
import { lockPath, readPointer, syncedRoot, versionsDir } from '../../src/knowledge/sync/layout.ts';
import { baselineOf, changesBetween } from '../../src/digest/baseline.ts';
import { KB_SYNC_QUEUE, kbSyncProcessor, scheduleKbSync, type KbSyncJobData, type KbSyncJobResult } from '../../src/jobs/kb-sync-job.ts';
import { createJobQueues } from '../../src/jobs/job-queues.ts';
import { DEFAULT_JOB_SETTINGS } from '../../src/jobs/settings.ts';
import { FIXTURE_KB_DIR } from '../helpers/fixture-kb.ts';
import { page, pageServer, tempDir, type PageServer } from './helpers.ts';

const NOW = () => new Date('2026-03-05T06:00:00Z');

function sync(server: PageServer, userDir: string, paths: readonly string[] = ['/ubuntu.md'], extra: Partial<SyncOptions> = {}) {
  return syncKnowledgeBase({ sources: paths.map((p) => `${server.url}${p}`), userDir, dataDir: FIXTURE_KB_DIR, now: NOW, ...extra });
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/ubuntu.md`;
}

describe('kb sync: versioned publish', () => {
  let server: PageServer;
  before(async () => {
    server = await pageServer();
  });
  after(async () => {
    await server.close();
  });

  test('publishes a new version only when a page changed, switching the pointer; the holder picks it up', async () => {
    const userDir = tempDir();
    const holder = new KnowledgeBaseHolder({ dataDir: FIXTURE_KB_DIR, userDir });
    const committed = holder.current.version;
    const get = holder.get;

    server.serve('/ubuntu.md', 200, page('ubuntu-a'));
    const a = await sync(server, userDir);
    assert.equal(a.outcome, 'published');
    assert.equal(a.newSnapshots.length, 1);
    assert.match(a.newSnapshots[0]!, /^ubuntu@2026-03-02_sync-[0-9a-f]{8}$/);
    assert.equal(a.previousVersion, committed);
    assert.equal(readPointer(userDir), a.layer);
    assert.ok(a.layer?.endsWith(`-${a.version}`));

    assert.equal(get().version, committed, 'nothing reloads until a refresh');
    assert.deepEqual(holder.refresh(), { reloaded: true, version: a.version });
    assert.equal(get().version, a.version, 'the same getter serves the new version');
    assert.ok(get().snapshots.has(a.newSnapshots[0]!));
    assert.equal(loadKnowledgeBase({ dataDir: FIXTURE_KB_DIR, userDir }).version, a.version, 'a fresh load sees the published version too');

    server.serve('/ubuntu.md', 200, page('ubuntu-b'));
    const b = await sync(server, userDir);
    assert.equal(b.outcome, 'published');
    assert.equal(b.previousVersion, a.version);
    assert.match(b.newSnapshots[0]!, /^ubuntu@2026-04-06_sync-/);
    assert.equal(holder.refresh().version, b.version);
    assert.ok(get().snapshots.has(a.newSnapshots[0]!), 'a published snapshot stays in every later version');

    const versionsBefore = readdirSync(versionsDir(userDir));
    const c = await sync(server, userDir);
    assert.equal(c.outcome, 'unchanged');
    assert.equal(c.published, false);
    assert.equal(c.version, b.version);
    assert.equal(c.sources[0]?.outcome, 'unchanged');
    assert.equal(readPointer(userDir), b.layer);
    assert.deepEqual(readdirSync(versionsDir(userDir)), versionsBefore);
    assert.deepEqual(holder.refresh(), { reloaded: false, version: b.version });

    const status = readKbStatus(userDir);
    assert.equal(status.currentVersion, b.version);
    assert.equal(status.previousVersion, a.version);
    assert.equal(status.currentLayer, b.layer);
    assert.equal(status.lastSync?.outcome, 'unchanged');
    const source = status.sources[`${server.url}/ubuntu.md`];
    assert.equal(source?.lastOutcome, 'unchanged');
    assert.equal(source?.snapshot, b.newSnapshots[0]);
    assert.ok(source?.lastSuccessAt);
  });

  test('a page edited without a new ms.date becomes a second snapshot of that date, ordered after the first', async () => {
    const userDir = tempDir();
    server.serve('/edited.md', 200, page('ubuntu-a'));
    const a = await sync(server, userDir, ['/edited.md']);
    const kbA = loadKnowledgeBase({ dataDir: FIXTURE_KB_DIR, userDir });
    // Secure boot is no longer listed for 22.04: the same ms.date, a different page.
    server.serve('/edited.md', 200, page('ubuntu-a').replace('| ✔ Note 1 | ✔ Note 1 | |', '| ✔ Note 1 | | |'));
    const b = await sync(server, userDir, ['/edited.md']);
    assert.equal(b.outcome, 'published');
    assert.notEqual(b.newSnapshots[0], a.newSnapshots[0]);
    const kbB = loadKnowledgeBase({ dataDir: FIXTURE_KB_DIR, userDir });
    assert.equal(kbB.snapshotAt('ubuntu')?.id, b.newSnapshots[0], 'the later sync is the newest snapshot');
    const changes = changesBetween(kbB, baselineOf(kbA), baselineOf(kbB));
    assert.deepEqual(
      changes.map((c) => (c.kind === 'feature-removed' ? `${c.kind} ${c.feature} ${c.column.header}` : c.kind)),
      ['feature-removed secure-boot 22.04 LTS'],
    );
  });
});

describe('kb sync: a bad source keeps the last good KB', () => {
  let server: PageServer;
  before(async () => {
    server = await pageServer();
  });
  after(async () => {
    await server.close();
  });

  async function publishedA(): Promise<{ userDir: string; holder: KnowledgeBaseHolder; version: string; snapshot: string; layer: string }> {
    const userDir = tempDir();
    server.serve('/ubuntu.md', 200, page('ubuntu-a'));
    const a = await sync(server, userDir);
    assert.equal(a.outcome, 'published');
    return {
      userDir,
      holder: new KnowledgeBaseHolder({ dataDir: FIXTURE_KB_DIR, userDir }),
      version: a.version!,
      snapshot: a.newSnapshots[0]!,
      layer: a.layer!,
    };
  }

  const cases: Array<{ name: string; path: string; status: number; body: () => string; error: RegExp }> = [
    { name: 'an HTTP 500', path: '/ubuntu.md', status: 500, body: () => 'internal error', error: /answered 500/ },
    {
      name: 'garbage instead of a matrix page',
      path: '/ubuntu.md',
      status: 200,
      body: () => '<html><body>Service temporarily unavailable</body></html>',
      error: /matrix page/,
    },
    {
      name: 'a page that no longer parses',
      path: '/ubuntu.md',
      status: 200,
      body: () => page('ubuntu-b-broken'),
      error: /no longer parses cleanly/,
    },
    { name: 'an empty page', path: '/ubuntu.md', status: 200, body: () => '', error: /empty/ },
  ];
  for (const bad of cases) {
    test(`${bad.name}: nothing is published, the failure is in the status, the holder serves the old version`, async () => {
      const { userDir, holder, version, snapshot, layer } = await publishedA();
      server.serve(bad.path, bad.status, bad.body());
      const result = await sync(server, userDir);
      assert.equal(result.outcome, 'failed');
      assert.equal(result.published, false);
      assert.equal(result.version, version);
      assert.match(result.sources[0]?.error ?? '', bad.error);
      assert.equal(readPointer(userDir), layer);
      const status = readKbStatus(userDir);
      const source = status.sources[`${server.url}/ubuntu.md`];
      assert.equal(source?.lastOutcome, 'failed');
      assert.match(source?.lastError ?? '', bad.error);
      assert.ok(source?.lastSuccessAt, 'the last success is kept');
      assert.ok(source?.lastFailureAt);
      assert.equal(status.currentVersion, version);
      assert.equal(status.lastSync?.outcome, 'failed');
      assert.deepEqual(holder.refresh(), { reloaded: false, version });
      assert.ok(holder.current.snapshots.has(snapshot));
    });
  }

  test('an unreachable source is recorded as a network failure', async () => {
    const { userDir, version } = await publishedA();
    const url = await closedPortUrl();
    const result = await syncKnowledgeBase({ sources: [url], userDir, dataDir: FIXTURE_KB_DIR, now: NOW });
    assert.equal(result.outcome, 'failed');
    assert.equal(result.version, version);
    assert.match(readKbStatus(userDir).sources[url]?.lastError ?? '', /fetch failed|ECONNREFUSED/);
  });

  test('one bad source does not hold back a good one', async () => {
    const { userDir, holder, version } = await publishedA();
    server.serve('/ubuntu.md', 200, page('ubuntu-b'));
    server.serve('/gone.md', 404, 'not here');
    const result = await sync(server, userDir, ['/ubuntu.md', '/gone.md']);
    assert.equal(result.outcome, 'published');
    assert.notEqual(result.version, version);
    assert.deepEqual(
      result.sources.map((s) => s.outcome),
      ['new', 'failed'],
    );
    assert.match(result.message, /1 of 2 source\(s\) failed/);
    assert.equal(holder.refresh().version, result.version);
    assert.equal(readKbStatus(userDir).sources[`${server.url}/gone.md`]?.lastOutcome, 'failed');
  });

  test('a candidate that fails validation is never published and leaves no staging directory', async () => {
    const { userDir, holder, version, layer } = await publishedA();
    server.serve('/ubuntu.md', 200, page('ubuntu-b'));
    const result = await sync(server, userDir, ['/ubuntu.md'], {
      validate: () => {
        throw new Error('smoke test failed');
      },
    });
    assert.equal(result.outcome, 'failed');
    assert.equal(readPointer(userDir), layer);
    assert.deepEqual(
      readdirSync(syncedRoot(userDir)).filter((n) => n.startsWith('.staging-')),
      [],
    );
    assert.match(readKbStatus(userDir).sources[`${server.url}/ubuntu.md`]?.lastError ?? '', /did not validate.*smoke test failed/);
    assert.deepEqual(holder.refresh(), { reloaded: false, version });
  });

  test('a second sync while one runs does nothing', async () => {
    const { userDir, version } = await publishedA();
    writeFileSync(lockPath(userDir), `12345 ${new Date().toISOString()}\n`);
    const hits = server.hits.get('/ubuntu.md') ?? 0;
    const result = await sync(server, userDir);
    assert.equal(result.outcome, 'busy');
    assert.equal(result.version, version);
    assert.equal(server.hits.get('/ubuntu.md') ?? 0, hits, 'nothing was fetched');
  });

  test('the holder keeps serving its version when the published one does not load', async () => {
    const { userDir, holder, version } = await publishedA();
    const broken = '20990101T000000Z-0123456789ab';
    mkdirSync(join(versionsDir(userDir), broken, 'snapshots'), { recursive: true });
    writeFileSync(join(versionsDir(userDir), broken, 'snapshots', 'bad.json'), '{"id": "truncat');
    writeFileSync(join(syncedRoot(userDir), 'current'), `${broken}\n`);
    const refreshed = holder.refresh();
    assert.equal(refreshed.reloaded, false);
    assert.equal(refreshed.version, version);
    assert.match(refreshed.error ?? '', /did not load/);
    assert.equal(holder.current.version, version);
    assert.ok(existsSync(join(versionsDir(userDir), broken)));
    assert.ok(readFileSync(join(syncedRoot(userDir), 'current'), 'utf8').includes(broken));
  });
});

describe('the kb-sync job', () => {
  test('runs a sync on the job queue, lets the serving process reload, and is scheduled once', async () => {
    const server = await pageServer();
    const queues = createJobQueues({ ...DEFAULT_JOB_SETTINGS, redisUrl: undefined });
    try {
      server.serve('/ubuntu.md', 200, page('ubuntu-a'));
      const userDir = tempDir();
      const holder = new KnowledgeBaseHolder({ dataDir: FIXTURE_KB_DIR, userDir });
      const queue = queues.queue<KbSyncJobData, KbSyncJobResult>(KB_SYNC_QUEUE);
      const worker = queue.work(
        kbSyncProcessor({ sources: [`${server.url}/ubuntu.md`], userDir, dataDir: FIXTURE_KB_DIR, onPublished: () => holder.refresh() }),
        { concurrency: 1 },
      );
      await scheduleKbSync(queue, '0 6 * * *');
      await scheduleKbSync(queue, '0 6 * * *');
      await queue.add({}, { jobId: 'kb-sync-now' });
      const done = await queue.finished('kb-sync-now', 10_000);
      assert.equal(done?.state, 'completed');
      assert.equal(done?.result?.outcome, 'published');
      assert.equal(holder.current.version, done?.result?.version, 'the serving process reloaded at once');
      assert.equal(await queue.removeScheduler('kb-sync'), true);
      await worker.close(1_000);
    } finally {
      await queues.close();
      await server.close();
    }
  });
});

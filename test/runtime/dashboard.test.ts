import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { startHealth } from '../../src/runtime/health.ts';
import { createInfrastructure } from '../../src/runtime/infrastructure.ts';
import { realKb } from '../helpers/real-kb.ts';
import { TEST_REDIS_URL } from '../helpers/ports.ts';

const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** The health server with the dashboard on (ADMIN_USER ops), its dashboard URL and port handed to `run`. */
async function withDashboard(run: (base: string, port: number) => Promise<void>): Promise<void> {
  const env = {
    METRICS_PORT: '0',
    REDIS_URL: TEST_REDIS_URL,
    ADMIN_USER: 'ops',
    ADMIN_PASSWORD: 'correct-horse-battery',
    LOG_LEVEL: 'silent',
  };
  const infra = createInfrastructure(env, { logDestination: quiet });
  const health = await startHealth(infra, () => realKb(), [], env);
  try {
    await run(`http://127.0.0.1:${health!.port}/admin/queues`, health!.port);
  } finally {
    await health?.close();
    await infra.close();
  }
}

describe('queue dashboard (bull-board)', () => {
  test('off by default: the path is not served', async () => {
    const infra = createInfrastructure({ METRICS_PORT: '0', REDIS_URL: TEST_REDIS_URL, LOG_LEVEL: 'silent' }, { logDestination: quiet });
    const health = await startHealth(infra, () => realKb(), []);
    try {
      assert.equal((await fetch(`http://127.0.0.1:${health!.port}/admin/queues`)).status, 404);
    } finally {
      await health?.close();
      await infra.close();
    }
  });

  test('behind ADMIN_USER and ADMIN_PASSWORD: 401 without them, the queues with them', async () => {
    await withDashboard(async (base, port) => {
      const anonymous = await fetch(base);
      assert.equal(anonymous.status, 401);
      assert.match(anonymous.headers.get('www-authenticate') ?? '', /Basic/);
      assert.equal((await fetch(base, { headers: { authorization: basic('ops', 'wrong-password-123') } })).status, 401);
      const api = await fetch(`${base}/api/queues`, { headers: { authorization: basic('ops', 'correct-horse-battery') } });
      assert.equal(api.status, 200);
      const names = ((await api.json()) as { queues: Array<{ name: string }> }).queues.map((q) => q.name).sort();
      assert.deepEqual(names, ['digest', 'guest-check', 'kb-sync']);
      assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200, 'health still served beside it');
    });
  });

  test('read-only, and failed logins are rate-limited per address', async () => {
    await withDashboard(async (base) => {
      const good = { authorization: basic('ops', 'correct-horse-battery') };
      const api = await fetch(`${base}/api/queues`, { headers: good });
      assert.equal(api.status, 200);
      const queues = ((await api.json()) as { queues: Array<{ readOnlyMode?: boolean }> }).queues;
      assert.ok(queues.length > 0 && queues.every((q) => q.readOnlyMode === true), 'every queue is shown read-only');
      for (const [method, path] of [
        ['PUT', '/api/queues/guest-check/clean/completed'],
        ['PUT', '/api/queues/guest-check/pause'],
        ['DELETE', '/api/queues/guest-check/obliterate'],
        ['POST', '/api/queues/guest-check/add'],
      ] as const) {
        const response = await fetch(`${base}${path}`, { method, headers: good });
        assert.equal(response.status, 405, `${method} ${path} is refused`);
      }

      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        statuses.push((await fetch(base, { headers: { authorization: basic('ops', `guess-${i}`) } })).status);
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429], 'five tries, then refused');
      const blocked = await fetch(`${base}/api/queues`, { headers: good });
      assert.equal(blocked.status, 429, 'even the right password waits out the window');
      assert.ok(Number(blocked.headers.get('retry-after')) > 0);
    });
  });
});

import { randomUUID } from 'node:crypto';

/**
 * The tests' Redis: a database of its own (not 0, where a developer's lisbot keeps its state), and one key prefix
 * per run, so scripts/run-tests.ts can delete exactly what this run wrote even while other runs share the server.
 */
export const TEST_REDIS_DB = Number(process.env.LISBOT_TEST_REDIS_DB ?? 15);
export const TEST_RUN = process.env.LISBOT_TEST_RUN ?? `pid${process.pid}`;
export const TEST_KEY_ROOT = `lisbot-test-${TEST_RUN}`;

/** A key prefix no other test (in this run or another) uses; every key a test writes should start with one. */
export function testKeyPrefix(label = 'k'): string {
  return `${TEST_KEY_ROOT}-${label}-${randomUUID().slice(0, 12)}`;
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getNextMillis } from 'bullmq';
import { nextRunAt } from '../../src/jobs/next-run.ts';

test('the in-process queue keeps the timetable BullMQ would keep, without loading BullMQ', () => {
  const schedules = [
    { every: 60_000 },
    { every: 7 * 24 * 3600 * 1000 },
    { pattern: '0 0 9 * * 1' },
    { pattern: '0 30 8 * * 1-5', tz: 'Europe/Berlin' },
    { pattern: '0 0 0 1 * *', tz: 'America/New_York' },
    { pattern: '*/15 * * * * *' },
  ];
  const instants = [
    Date.UTC(2026, 0, 1),
    Date.UTC(2026, 2, 29, 0, 59, 59),
    Date.UTC(2026, 9, 25, 1, 30),
    Date.UTC(2027, 11, 31, 23, 59, 59, 999),
  ];
  for (const schedule of schedules)
    for (const now of instants)
      assert.equal(nextRunAt(now, schedule), getNextMillis(now, { ...schedule }), `${JSON.stringify(schedule)} at ${now}`);
  assert.throws(() => nextRunAt(0, { pattern: 'not a pattern' }));
  assert.throws(() => nextRunAt(0, { pattern: '0 0 9 * * 1', every: 1000 }));
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cronProblem, describeSchedule, isValidTimeZone, periodKey, Schedule } from '../../src/digest/schedule.ts';
import { decodeDigestMore, encodeDigestMore } from '../../src/digest/more.ts';

describe('schedules', () => {
  test('cron patterns: five fields, real ranges, at most hourly', () => {
    for (const ok of ['0 9 * * 1', '30 7 * * 1-5', '0 8 1,15 * *', '5 */6 * * mon-fri', '0 9 * jan,jul sun', '0 0 * * 7'])
      assert.equal(cronProblem(ok), undefined, ok);
    const bad: Array<[string, RegExp]> = [
      ['0 9 * *', /five fields/],
      ['0 0 9 * * 1', /five fields/],
      ['60 9 * * 1', /minute field "60" must be within 0-59/],
      ['0 24 * * *', /hour/],
      ['0 9 0 * *', /day of month/],
      ['0 9 * 13 *', /month/],
      ['0 9 * * 8', /day of week/],
      ['*/5 * * * *', /at most once an hour/],
      ['0 9-5 * * *', /runs backwards/],
      ['0 */0 * * *', /step of 0/],
      ['0 9 * * funday', /day of week/],
    ];
    for (const [pattern, message] of bad) assert.match(cronProblem(pattern) ?? '', message, pattern);
  });

  test('time zones are IANA names', () => {
    assert.ok(isValidTimeZone('Europe/Berlin'));
    assert.ok(isValidTimeZone('UTC'));
    assert.ok(!isValidTimeZone('Mars/Olympus'));
    assert.ok(!isValidTimeZone('Europe/Berlin; rm -rf'));
    assert.equal(Schedule.safeParse({ kind: 'daily', pattern: '0 9 * * *', tz: 'Nowhere/City' }).success, false);
  });

  test('the period of a firing, in the subscription time zone', () => {
    const weekly = { kind: 'weekly' as const, pattern: '0 9 * * 1', tz: 'UTC' };
    assert.equal(periodKey(weekly, new Date('2025-07-07T09:00:00Z')), '2025-W28');
    assert.equal(periodKey(weekly, new Date('2025-12-29T09:00:00Z')), '2026-W01', 'ISO weeks cross the year');
    assert.equal(periodKey(weekly, new Date('2027-01-01T09:00:00Z')), '2026-W53');
    // Sunday 23:30 UTC is already Monday in Berlin.
    assert.equal(periodKey({ ...weekly, tz: 'Europe/Berlin' }, new Date('2025-07-06T23:30:00Z')), '2025-W28');
    assert.equal(periodKey(weekly, new Date('2025-07-06T23:30:00Z')), '2025-W27');
    assert.equal(
      periodKey({ kind: 'daily', pattern: '0 9 * * *', tz: 'America/New_York' }, new Date('2025-07-07T02:00:00Z')),
      '2025-07-06',
    );
    assert.equal(
      periodKey({ kind: 'cron', pattern: '30 7 * * 1-5', tz: 'Asia/Kolkata' }, new Date('2025-07-07T02:00:00Z')),
      '2025-07-07T07:30',
    );
  });

  test('a retry within the same week stays in the same period', () => {
    const weekly = { kind: 'weekly' as const, pattern: '0 9 * * 1', tz: 'Europe/Berlin' };
    const monday = new Date('2025-07-07T07:00:00Z').getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 * 86_400_000 }), (delay) => periodKey(weekly, new Date(monday + delay)) === '2025-W28'),
    );
  });

  test('schedules read as sentences', () => {
    assert.equal(describeSchedule({ kind: 'weekly', pattern: '0 9 * * 1', tz: 'UTC' }), 'weekly, Mondays at 09:00 (UTC)');
    assert.equal(describeSchedule({ kind: 'daily', pattern: '5 17 * * *', tz: 'Europe/Berlin' }), 'daily at 17:05 (Europe/Berlin)');
    assert.equal(describeSchedule({ kind: 'cron', pattern: '30 7 * * 1-5', tz: 'UTC' }), 'cron "30 7 * * 1-5" (UTC)');
  });
});

describe('"show all" values', () => {
  test('round-trip, stay short and refuse anything else', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{12}$/);
    const date = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.oneof(hex, date), hex, fc.oneof(fc.constant('-'), fc.stringMatching(/^[0-9a-f]{10}$/)), (from, to, filters) => {
        const value = encodeDigestMore({ from, to, filters });
        assert.ok(value && value.length <= 60);
        assert.deepEqual(decodeDigestMore(value), { from, to, filters });
      }),
    );
    assert.equal(encodeDigestMore({ from: 'date:2024-01-01', to: '0123456789ab', filters: '-' }), 'digest:2024-01-01:0123456789ab:-');
    for (const bad of [
      'digest:x:y:z',
      'digest:2024-01-01:0123456789ab',
      'matrix:ubuntu',
      'digest:2024-01-01:0123456789ab:-:extra',
      `digest:${'a'.repeat(80)}`,
    ]) {
      assert.equal(decodeDigestMore(bad), undefined, bad);
    }
  });
});

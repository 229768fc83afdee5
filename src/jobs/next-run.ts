import { CronExpressionParser } from 'cron-parser';
import type { Schedule } from './job-queue.ts';

/**
 * When a schedule next fires after `now`, in ms: computed as BullMQ's default repeat strategy does (an interval from
 * the epoch, or the cron pattern's next time in its time zone), so the in-process queue keeps BullMQ's timetable
 * without loading BullMQ. A bad pattern throws, as it does in BullMQ.
 */
export function nextRunAt(now: number, schedule: Schedule): number | undefined {
  if (schedule.pattern && schedule.every) throw new Error('Both .pattern and .every options are defined for this repeatable job');
  if (schedule.every) return Math.floor(now / schedule.every) * schedule.every + schedule.every;
  const interval = CronExpressionParser.parse(schedule.pattern ?? '', {
    currentDate: new Date(now),
    ...(schedule.tz ? { tz: schedule.tz } : {}),
  });
  try {
    return interval.next().getTime();
  } catch {
    return undefined;
  }
}

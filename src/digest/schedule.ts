import * as z from 'zod';

export const SCHEDULE_KINDS = ['weekly', 'daily', 'cron'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** Mondays at 09:00, every day at 09:00: in the subscription's time zone. */
export const DEFAULT_PATTERNS: Record<Exclude<ScheduleKind, 'cron'>, string> = { weekly: '0 9 * * 1', daily: '0 9 * * *' };
export const DEFAULT_TZ = 'UTC';

export function isValidTimeZone(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  /** The value of names[0]. */
  readonly namesFrom?: number;
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, namesFrom: 1 },
  { name: 'day of week', min: 0, max: 7, names: DAYS, namesFrom: 0 },
];

function fieldValue(text: string, spec: FieldSpec): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const index = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  return index >= 0 ? index + (spec.namesFrom ?? 0) : undefined;
}

function checkField(text: string, spec: FieldSpec): string | undefined {
  for (const part of text.split(',')) {
    const match = /^([^/]+)(?:\/(\d{1,2}))?$/.exec(part);
    if (!match) return `the ${spec.name} field "${text}" is not valid`;
    const [, range = '', step] = match;
    if (step !== undefined && Number(step) === 0) return `the ${spec.name} field "${text}" has a step of 0`;
    if (range === '*' || range === '?') continue;
    const bounds = range.split('-');
    if (bounds.length > 2) return `the ${spec.name} field "${text}" is not valid`;
    const values = bounds.map((b) => fieldValue(b, spec));
    if (values.some((v) => v === undefined || v < spec.min || v > spec.max))
      return `the ${spec.name} field "${text}" must be within ${spec.min}-${spec.max}`;
    if (values.length === 2 && values[0]! > values[1]!) return `the ${spec.name} field "${text}" runs backwards`;
  }
  return undefined;
}

/**
 * Checks a five-field cron pattern (minute hour day-of-month month day-of-week). A digest comes at most once an
 * hour, so the minute field must be one number. Returns what is wrong, or undefined.
 */
export function cronProblem(pattern: string): string | undefined {
  const fields = pattern.trim().split(/\s+/);
  if (pattern.length > 100) return 'the cron pattern is too long';
  if (fields.length !== 5) return `a cron pattern has five fields (minute hour day-of-month month day-of-week), not ${fields.length}`;
  for (const [i, field] of fields.entries()) {
    const problem = checkField(field, FIELDS[i]!);
    if (problem) return problem;
  }
  if (!/^\d{1,2}$/.test(fields[0]!)) return 'the minute field must be one number: a digest comes at most once an hour';
  return undefined;
}

export const Schedule = z.object({
  kind: z.enum(SCHEDULE_KINDS),
  pattern: z
    .string()
    .max(100)
    .refine((p) => cronProblem(p) === undefined, { error: 'not a valid five-field cron pattern' }),
  tz: z.string().max(64).refine(isValidTimeZone, { error: 'not a known IANA time zone' }),
});
export type Schedule = z.infer<typeof Schedule>;

export function defaultSchedule(kind: Exclude<ScheduleKind, 'cron'> = 'weekly', tz = DEFAULT_TZ): Schedule {
  return { kind, pattern: DEFAULT_PATTERNS[kind], tz };
}

const DAY_NAMES = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/** "weekly, Mondays at 09:00 (UTC)", "daily at 09:00 (Europe/Berlin)", "cron "30 7 * * 1-5" (UTC)". */
export function describeSchedule(schedule: Schedule): string {
  const [minute = '0', hour = '0', , , dow = '*'] = schedule.pattern.split(/\s+/);
  const time = /^\d+$/.test(hour) && /^\d+$/.test(minute) ? `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}` : undefined;
  if (schedule.kind === 'weekly' && time && /^\d$/.test(dow)) return `weekly, ${DAY_NAMES[Number(dow)]} at ${time} (${schedule.tz})`;
  if (schedule.kind === 'daily' && time) return `daily at ${time} (${schedule.tz})`;
  return `${schedule.kind} "${schedule.pattern}" (${schedule.tz})`;
}

function localDate(at: Date, tz: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** ISO 8601 week of a calendar date: "2025-W02". */
function isoWeek(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/**
 * The period a digest fired at `at` belongs to, in the subscription's time zone: the ISO week for weekly, the date
 * for daily, the minute it fired for cron. One channel gets at most one digest per period.
 */
export function periodKey(schedule: Schedule, at: Date): string {
  const local = localDate(at, schedule.tz);
  const date = `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
  switch (schedule.kind) {
    case 'weekly':
      return isoWeek(local.year, local.month, local.day);
    case 'daily':
      return date;
    case 'cron':
      return `${date}T${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  }
}

import type { GuestFacts } from '../../guest-facts.ts';
import type { DiagnosticSink } from '../diagnostics.ts';
import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import { linesOf, observe, safeInt, type Line } from './view.ts';

const SUPPORTED_FORMAT = 1;

function pairs(lines: Line[]): Map<string, Line> {
  const out = new Map<string, Line>();
  for (const l of lines) {
    const eq = l.text.indexOf('=');
    if (eq > 0 && !out.has(l.text.slice(0, eq).trim())) out.set(l.text.slice(0, eq).trim(), l);
  }
  return out;
}

function value(map: Map<string, Line>, key: string): string | undefined {
  const l = map.get(key);
  return l ? l.text.slice(l.text.indexOf('=') + 1).trim() : undefined;
}

export function collectorFacts(sections: SectionMap, diagnostics: DiagnosticSink): Pick<GuestFacts, 'collector'> {
  const lines = linesOf(sections, SECTION.meta);
  if (lines.length === 0) return {};
  const kv = pairs(lines);
  const uid = safeInt(value(kv, 'uid'), 2 ** 32);
  const format = safeInt(value(kv, 'format'), 1000);
  const redact = value(kv, 'redact');
  if (uid !== undefined && uid !== 0) {
    diagnostics.add('INPUT_NOT_ROOT', 'The collector ran without root rights; some facts could not be read.', { section: SECTION.meta });
  }
  if (redact === 'on')
    diagnostics.add('INPUT_REDACTION_APPLIED', 'Host names and addresses were redacted by the collector.', { section: SECTION.meta });
  if (format !== undefined && format > SUPPORTED_FORMAT) {
    diagnostics.add('INPUT_FORMAT_NEWER', 'The collector output uses a newer format than this bot understands; update the bot.', {
      section: SECTION.meta,
    });
  }
  const info = {
    collector: value(kv, 'collector'),
    version: value(kv, 'collector_version'),
    format,
    dateUtc: value(kv, 'date_utc'),
    uid,
    redacted: redact === undefined ? undefined : redact === 'on',
    osType: value(kv, 'os_type'),
  };
  return { collector: observe(stripUndefined(info), lines.slice(0, 8)) };
}

const YES = /^(?:yes|y|true|1|on|enabled?)$/i;
const NO = /^(?:no|n|false|0|off|disabled?)$/i;

export function yesNo(text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  if (YES.test(text.trim())) return true;
  if (NO.test(text.trim())) return false;
  return undefined;
}

/** The bot's own "### user-context" block (key=value), appended after lischeck-end. */
export function userContextFacts(sections: SectionMap): Pick<GuestFacts, 'userContext'> {
  const lines = linesOf(sections, SECTION.userContext);
  if (lines.length === 0) return {};
  const kv = pairs(lines);
  const mac = value(kv, 'mac_type')?.toLowerCase();
  const ctx = {
    dynamicMemory: yesNo(value(kv, 'dynamic_memory')),
    dmStartupMb: safeInt(value(kv, 'dm_startup_mb'), 64 * 1024 * 1024),
    dmMaxMb: safeInt(value(kv, 'dm_max_mb'), 64 * 1024 * 1024),
    clustered: yesNo(value(kv, 'clustered')),
    macType: mac === 'static' || mac === 'dynamic' ? mac : undefined,
    notes: value(kv, 'notes')?.slice(0, 500),
  } as const;
  return { userContext: observe(stripUndefined(ctx), lines, 'low') };
}

/** Drops undefined properties so strict schemas and deepEqual see only known values. */
export function stripUndefined<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const key in obj) {
    const value = obj[key];
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

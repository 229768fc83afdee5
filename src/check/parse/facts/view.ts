import type { Confidence, Evidence, Observed } from '../../guest-facts.ts';
import { MAX_EVIDENCE_CHARS } from '../limits.ts';
import type { SectionName } from '../section-names.ts';
import type { Section, SectionMap } from '../section.ts';

/** One body line of a section, with where it came from. */
export interface Line {
  text: string;
  line: number;
  section: SectionName;
}

/** Body lines of the named sections, in the order the names are given. */
export function linesOf(sections: SectionMap, ...names: SectionName[]): Line[] {
  const out: Line[] = [];
  for (const name of names) {
    const section = sections.get(name);
    if (!section) continue;
    for (const line of sectionLines(section, name)) out.push(line);
  }
  return out;
}

// Several extractors read the same section: its Line objects are made once per upload.
const lineCache = new WeakMap<Section, readonly Line[]>();

function sectionLines(section: Section, name: SectionName): readonly Line[] {
  let lines = lineCache.get(section);
  if (!lines) {
    lines = section.lines.map((text, i) => ({ text, line: section.lineNumbers[i] ?? 0, section: name }));
    lineCache.set(section, lines);
  }
  return lines;
}

export function hasAny(sections: SectionMap, ...names: SectionName[]): boolean {
  return names.some((name) => sections.has(name));
}

export function evidence(line: Line | Evidence): Evidence {
  const text = line.text.length > MAX_EVIDENCE_CHARS ? `${line.text.slice(0, MAX_EVIDENCE_CHARS - 1)}…` : line.text;
  return { section: line.section, line: line.line, text };
}

/** Evidence for a whole section that was read but held nothing relevant (a "no" answer). */
export function sectionEvidence(sections: SectionMap, name: SectionName): Evidence[] {
  const section = sections.get(name);
  if (!section) return [];
  return [{ section: name, line: section.lineNumbers[0] ?? 0, text: `(${section.lines.length} lines read)` }];
}

const MAX_EVIDENCE_PER_FACT = 8;

export function observe<T>(value: T, from: readonly (Line | Evidence)[], confidence?: Confidence): Observed<T> {
  const seen = new Set<string>();
  const ev: Evidence[] = [];
  for (const item of from) {
    const e = evidence(item);
    const key = `${e.section}:${e.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ev.push(e);
    if (ev.length >= MAX_EVIDENCE_PER_FACT) break;
  }
  return confidence ? { value, evidence: ev, confidence } : { value, evidence: ev };
}

/** key=value pairs of a line such as "eth0 driver=hv_netvsc mac=00:15:5d:xx:00:01 mtu=1500"; values may hold spaces. */
export function keyValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /(?:^|\s)([A-Za-z_][\w.]{0,40})=/g;
  const marks: { key: string; start: number; valueStart: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) marks.push({ key: m[1] ?? '', start: m.index, valueStart: m.index + m[0].length });
  marks.forEach((mark, i) => {
    const end = marks[i + 1]?.start ?? text.length;
    out[mark.key] = text.slice(mark.valueStart, end).trim();
  });
  return out;
}

/** Parses a bounded non-negative integer, or undefined (no Infinity, no 1e+30). */
export function safeInt(text: string | undefined, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (text === undefined || !/^\d{1,16}$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return Number.isSafeInteger(n) && n <= max ? n : undefined;
}

export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { AdvicePhrasings } from '../knowledge/query/search.ts';

/**
 * How admins have asked for each known issue and tip, as data: the train split's questions, each linked to the record
 * its expected answer names (scripts/intent-examples.ts). The advice search reads them beside each record's words,
 * so a symptom told the way admins tell it reaches its record.
 */
export const ADVICE_PHRASINGS_FILE = join(import.meta.dirname, 'advice-phrasings.json');

const PhrasingsFile = z.strictObject({
  generated: z.string(),
  records: z.record(z.string().min(1), z.array(z.string().min(1))),
});

let loaded: AdvicePhrasings | undefined;

/** The phrasings file, read and validated once per process. */
export function advicePhrasings(): AdvicePhrasings {
  if (loaded) return loaded;
  const parsed = PhrasingsFile.safeParse(JSON.parse(readFileSync(ADVICE_PHRASINGS_FILE, 'utf8')));
  if (!parsed.success) throw new Error(`${ADVICE_PHRASINGS_FILE}: ${z.prettifyError(parsed.error)}`);
  return (loaded = new Map(Object.entries(parsed.data.records)));
}

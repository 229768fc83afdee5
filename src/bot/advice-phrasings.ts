import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import type { AdvicePhrasings } from '../knowledge/query/search.ts';

/**
 * How admins have asked for each known issue and tip, as data: the train split's questions, each linked to the record
 * its expected answer names (scripts/intent-examples.ts). The advice search reads them beside each record's words,
 * so a symptom told the way admins tell it reaches its record.
 */
export const ADVICE_PHRASINGS_FILE = join(import.meta.dirname, 'advice-phrasings.yaml');

const PhrasingsFile = z.strictObject({ records: z.record(z.string().min(1), z.array(z.string().min(1))) });

let loaded: AdvicePhrasings | undefined;

export function advicePhrasings(file = ADVICE_PHRASINGS_FILE): AdvicePhrasings {
  if (file !== ADVICE_PHRASINGS_FILE) return read(file);
  return (loaded ??= read(file));
}

function read(file: string): AdvicePhrasings {
  const parsed = PhrasingsFile.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return new Map(Object.entries(parsed.data.records));
}

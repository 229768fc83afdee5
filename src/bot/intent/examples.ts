import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { LABELS, type Label } from './labels.ts';

export interface Example {
  readonly text: string;
  readonly label: Label;
  /** Where it came from: a data file's name, or "kb:<record>". */
  readonly origin: string;
}

export const EXAMPLES_DIR = join(import.meta.dirname, 'examples');

const Group = z.strictObject({ intent: z.enum(LABELS), examples: z.array(z.string().min(1)) });
const ExampleFile = z.union([Group, z.strictObject({ groups: z.array(Group) })]);

/** Every phrasing in the data files of examples/: one line of data per phrasing, grouped by intent. */
export function loadExampleFiles(dir = EXAMPLES_DIR): Example[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .flatMap((name) => {
      const parsed = ExampleFile.safeParse(parse(readFileSync(join(dir, name), 'utf8')));
      if (!parsed.success) throw new Error(`${name}: ${z.prettifyError(parsed.error)}`);
      const groups = 'groups' in parsed.data ? parsed.data.groups : [parsed.data];
      return groups.flatMap((g) => g.examples.map((text) => ({ text, label: g.intent, origin: name })));
    });
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const COLLECTOR_FILE = join(import.meta.dirname, 'lis-collect.sh');

/** The collector script's text, as users download it (`lisbot collector`). */
export function collectorScript(): string {
  return readFileSync(COLLECTOR_FILE, 'utf8');
}

import type { KnowledgeBase } from '../knowledge/index.ts';
import type { DistroId, HostId } from '../knowledge/schema/index.ts';
import { extractAsOf } from './entities/as-of.ts';
import { extractEntities } from './entities/extract.ts';

export type MatrixRequest =
  | { readonly ok: true; readonly family: DistroId; readonly host?: HostId; readonly asOf?: string }
  | { readonly ok: false; readonly error: string };

export const MATRIX_USAGE =
  'matrix DISTRO [host] [as of DATE], e.g. "matrix ubuntu", "matrix rhel on 2012 r2", "matrix sles as of mid 2019"';

/** Reads "ubuntu on 2019 as of mid 2020" (the words after `matrix`) as a family, an optional host and date. */
export function parseMatrixRequest(kb: KnowledgeBase, text: string): MatrixRequest {
  const words = text.trim().slice(0, 200);
  const { entities } = extractEntities(kb, words);
  const family = entities.distro;
  if (!family) return { ok: false, error: `Name a distribution: ${MATRIX_USAGE}.` };
  if (kb.snapshotAt(family) === undefined)
    return { ok: false, error: `No Microsoft matrix lists ${kb.familyName(family)}, so there is no grid to draw.` };
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(words)?.[1];
  const asOf = entities.asOf ?? (iso ? extractAsOf(`as of ${iso}`)?.date : undefined);
  if (iso && !asOf) return { ok: false, error: `"${iso}" is not a date I can read (YYYY-MM-DD).` };
  return { ok: true, family, ...(entities.host ? { host: entities.host } : {}), ...(asOf ? { asOf } : {}) };
}

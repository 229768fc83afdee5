import * as z from 'zod';
import { IsoDate, RecordId } from './ids.ts';

export const SourceKind = z.enum([
  'matrix-page',
  'index-page',
  'feature-descriptions',
  'best-practices',
  'lis-announcement',
  'lis-repository',
  'talk',
  'study',
  'user-import',
]);

/** One upstream document at one version. `era` orders versions; the page's own ms.date is often stale. */
export const Source = z.strictObject({
  id: RecordId,
  kind: SourceKind,
  title: z.string().min(1),
  /** Page slug shared by every version of the same page, e.g. "ubuntu" or "rhel". */
  page: z.string().min(1),
  era: IsoDate,
  /** Tie-break between versions with the same era (higher is newer). */
  order: z.number().int().default(0),
  msDate: IsoDate.optional(),
  revision: z.string().optional(),
  url: z.string().url().optional(),
  upstreamPath: z.string().optional(),
  licence: z.string().optional(),
  eraEvidence: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

/** A pointer from a record to where its fact comes from. */
export const SourceRef = z.strictObject({
  source: RecordId,
  /** Where inside the source: a table and row, a note position, a section heading, a slide. */
  at: z.string().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Sources = z.array(SourceRef).min(1, { error: 'every record must cite at least one source' });

export const Confidence = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof Confidence>;

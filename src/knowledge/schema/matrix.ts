import * as z from 'zod';
import { DistroId, FeatureId, HostId, IntegrationKind, IsoDate, OtherHost, RecordId } from './ids.ts';
import { Confidence } from './source.ts';
import { VersionItem } from './versions.ts';

/**
 * A reference from a cell to a note of the same snapshot, by the note's ordinal position.
 * A reference the page's own list cannot satisfy is resolved from an earlier version of the page.
 */
export const NoteRef = z.strictObject({
  position: z.number().int().min(1),
  /** Limits the note to some of the column's versions, as in "(Note 1 for 6.4-6.8)". */
  scope: z.string().optional(),
  resolvedFrom: z.strictObject({ snapshot: RecordId, position: z.number().int().min(1) }).optional(),
});
export type NoteRef = z.infer<typeof NoteRef>;

/** An upstream note, held by fingerprint: its paraphrase lives in the curated notes file. */
export const MatrixNote = z.strictObject({
  position: z.number().int().min(1),
  fingerprint: z.string().regex(/^[0-9a-f]{12}$/),
  /** The page keeps the number but says the note was removed. */
  placeholder: z.boolean().default(false),
  /** Upstream wording, kept only in a user's own imported data, never in committed data. */
  upstreamText: z.string().optional(),
});
export type MatrixNote = z.infer<typeof MatrixNote>;

export const CellStatus = z.enum(['available', 'not-available', 'not-applicable']);
export type CellStatus = z.infer<typeof CellStatus>;

/** What one feature row says for one column, for the hosts that row lists. */
export const HostAvailability = z.strictObject({
  status: CellStatus,
  hosts: z.array(HostId),
  otherHosts: z.array(OtherHost).default([]),
  notes: z.array(NoteRef).default([]),
  /** The status holds for some of the column's versions only, as in "✔ (6.x only)". */
  scope: z.string().optional(),
});
export type HostAvailability = z.infer<typeof HostAvailability>;

/** Usually one entry; a row split by host (one line per host group) gives several. */
export const FeatureCell = z.array(HostAvailability).min(1);
export type FeatureCell = z.infer<typeof FeatureCell>;

export const Integration = z.strictObject({
  kind: IntegrationKind,
  /** The Microsoft download, e.g. "LIS 4.3"; absent for built-in, ports and none. */
  package: z
    .string()
    .regex(/^LIS \d+(\.\d+)*$/)
    .optional(),
  notes: z.array(NoteRef).default([]),
});
export type Integration = z.infer<typeof Integration>;

export const KernelFlavor = z.strictObject({
  flavor: z.enum(['rhck', 'uek']),
  /** As the page names it: "UEK5", "UEK R3 QU1". */
  label: z.string().optional(),
});
export type KernelFlavor = z.infer<typeof KernelFlavor>;

/** One guest column of a matrix table: a set of versions that get their integration services one way. */
export const ReleaseColumn = z.strictObject({
  /** Stable across versions of the page, so a column can be followed through history. */
  key: z.string().min(1),
  families: z.array(DistroId).min(1),
  table: z.string(),
  header: z.string(),
  versions: z.array(VersionItem).min(1),
  kernel: KernelFlavor.optional(),
  integration: Integration,
  features: z.partialRecord(FeatureId, FeatureCell),
  confidence: Confidence.default('high'),
});
export type ReleaseColumn = z.infer<typeof ReleaseColumn>;

export const UnparsedPart = z.strictObject({ where: z.string(), reason: z.string() });

/** Everything one dated version of one matrix page says. */
export const MatrixSnapshot = z.strictObject({
  id: RecordId,
  source: RecordId,
  page: z.string(),
  era: IsoDate,
  order: z.number().int().default(0),
  families: z.array(DistroId).min(1),
  columns: z.array(ReleaseColumn),
  notes: z.array(MatrixNote),
  unparsed: z.array(UnparsedPart).default([]),
  diagnostics: z.array(z.string()).default([]),
});
export type MatrixSnapshot = z.infer<typeof MatrixSnapshot>;

import * as z from 'zod';
import { DistroId, FeatureCategory, FeatureId, HostId, IntegrationKind, IsoDate, RecordId } from './ids.ts';
import { Confidence, Sources } from './source.ts';
import { VersionItem, VersionText } from './versions.ts';

export const Family = z.strictObject({
  id: DistroId,
  name: z.string().min(1),
  kind: z.enum(['linux', 'bsd', 'other']),
  /** Other names users type: "RHEL", "Red Hat", "el", "OL", "SLES", "SUSE". */
  aliases: z.array(z.string().min(1)),
  codenames: z.array(z.strictObject({ name: z.string().min(1), version: VersionText })).default([]),
  /** The matrix page slug that lists this family, when there is one. */
  page: z.string().optional(),
  /** The vendor supports its own built-in drivers; who to ask. */
  vendorSupport: z.string().optional(),
  sources: Sources,
});
export type Family = z.infer<typeof Family>;

export const Feature = z.strictObject({
  id: FeatureId,
  name: z.string().min(1),
  category: FeatureCategory,
  /** The row names the matrix pages have used for it over the years. */
  matrixNames: z.array(z.string().min(1)).min(1),
  /** What users call it: "ballooning", "discard", "vss backup". */
  synonyms: z.array(z.string().min(1)).default([]),
  summary: z.string().min(1).max(400),
  /** The oldest host that offers it, when the host is the limit. */
  minHost: HostId.optional(),
  sources: Sources,
});
export type Feature = z.infer<typeof Feature>;

export const GuestCoverage = z.strictObject({
  family: DistroId,
  versions: z.array(VersionItem).min(1),
  kernel: z.enum(['rhck', 'uek']).optional(),
});

export const LisRelease = z.strictObject({
  id: RecordId,
  version: z.string().regex(/^\d+(\.\d+)*(-\d+)?$/),
  released: IsoDate.optional(),
  kind: z.enum(['download', 'repository-tag']),
  guests: z.array(GuestCoverage),
  hosts: z.array(HostId).default([]),
  featuresAdded: z.array(FeatureId).default([]),
  highlights: z.array(z.string().min(1).max(300)).default([]),
  sources: Sources,
  confidence: Confidence.default('high'),
});
export type LisRelease = z.infer<typeof LisRelease>;

/** Operating systems that cannot use integration services on Hyper-V. */
export const OtherOs = z.strictObject({
  id: DistroId,
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  outcome: z.enum(['does-not-run', 'emulated-devices-only']),
  reason: z.string().min(1).max(400),
  sources: Sources,
});
export type OtherOs = z.infer<typeof OtherOs>;

export const Applicability = z.strictObject({
  families: z.array(DistroId).optional(),
  versions: z.array(VersionItem).optional(),
  hosts: z.array(HostId).optional(),
  features: z.array(FeatureId).optional(),
  integration: z.array(IntegrationKind).optional(),
  generation: z.union([z.literal(1), z.literal(2)]).optional(),
});
export type Applicability = z.infer<typeof Applicability>;

export const KnownIssue = z.strictObject({
  id: RecordId,
  title: z.string().min(1).max(160),
  symptoms: z.array(z.string().min(1).max(300)).min(1),
  /** Regular expressions for log lines that identify it (matched case-insensitively). */
  signatures: z.array(z.string().min(1)).default([]),
  affects: Applicability,
  cause: z.string().min(1).max(600),
  workaround: z.string().min(1).max(800),
  keywords: z.array(z.string()).default([]),
  sources: Sources,
  confidence: Confidence.default('high'),
});
export type KnownIssue = z.infer<typeof KnownIssue>;

export const Tip = z.strictObject({
  id: RecordId,
  title: z.string().min(1).max(160),
  advice: z.string().min(1).max(800),
  appliesTo: Applicability,
  /** How to see whether a guest follows it. */
  check: z.string().max(400).optional(),
  keywords: z.array(z.string()).default([]),
  sources: Sources,
  confidence: Confidence.default('high'),
});
export type Tip = z.infer<typeof Tip>;

/** Our own short paraphrase of an upstream matrix note, joined to the notes by fingerprint. */
export const NoteParaphrase = z.strictObject({
  fingerprint: z.string().regex(/^[0-9a-f]{12}$/),
  summary: z.string().min(1).max(300),
  features: z.array(FeatureId).default([]),
  /** Where the note stands upstream: "ubuntu@2023-09-27#5". */
  seenAt: z.array(z.string()).min(1),
});
export type NoteParaphrase = z.infer<typeof NoteParaphrase>;

export { RecordId };

import * as z from 'zod';
import { ClientHostId, DistroId, FeatureCategory, FeatureId, HostId, IntegrationKind, IsoDate, RecordId } from './ids.ts';
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
  /**
   * What users say for it without naming it ("push its static IP on failover"): groups of words joined by " + ",
   * alternatives within a group by "|"; a question says it when every group occurs in it.
   */
  paraphrases: z
    .array(z.string().regex(/^[a-z0-9 .|]+(?: \+ [a-z0-9 .|]+)+$/, { error: 'expected word groups joined by " + ", alternatives by "|"' }))
    .default([]),
  /**
   * The feature this one narrows ("secure-boot" narrows "uefi-boot"): a question naming that one in this one's words
   * ("boot with the uefi signature check on") means this one.
   */
  narrows: FeatureId.optional(),
  summary: z.string().min(1).max(400),
  /** How to turn it on or use it: the host-side setting or cmdlet, then any guest-side step. Absent when nothing is to be done. */
  enable: z.string().min(1).max(400).optional(),
  /** The oldest host that offers it, when the host is the limit. */
  minHost: HostId.optional(),
  /** Why the pages mark it not applicable ("N/A") for some releases, where a reason holds for every such cell. */
  notApplicableBecause: z.string().min(1).max(200).optional(),
  sources: Sources,
});
export type Feature = z.infer<typeof Feature>;

export const GuestCoverage = z.strictObject({
  family: DistroId,
  versions: z.array(VersionItem).min(1),
  kernel: z.enum(['rhck', 'uek']).optional(),
});

/** A kernel build as "3.10.0-957.38.1": upstream version, a dash, the vendor's build numbers. */
export const KernelBuild = z.string().regex(/^\d+(?:\.\d+)+-\d+(?:\.\d+)*$/);

export const LisRelease = z.strictObject({
  id: RecordId,
  version: z.string().regex(/^\d+(\.\d+)*(-\d+)?$/),
  released: IsoDate.optional(),
  kind: z.enum(['download', 'repository-tag']),
  guests: z.array(GuestCoverage),
  hosts: z.array(HostId).default([]),
  /** The desktop Windows releases the release notes name as hosts, beside the servers: LIS 4.0.11 added Windows 10. */
  clientHosts: z.array(ClientHostId).default([]),
  featuresAdded: z.array(FeatureId).default([]),
  /** Features the sources say this release has (beyond what earlier releases added). */
  featuresIncluded: z.array(FeatureId).default([]),
  /** Features the sources say this release lacks, e.g. LIS 3.4 before 3.5 added live backup. */
  featuresLacking: z.array(FeatureId).default([]),
  /** Features the release has only on some guest versions, e.g. LIS 3.4's static IP injection on 6.0-6.3. */
  featuresScoped: z.array(z.strictObject({ feature: FeatureId, versions: z.array(VersionItem).min(1) })).default([]),
  highlights: z.array(z.string().min(1).max(300)).default([]),
  /**
   * A kernel build from which the release's modules no longer load (the distribution's kernel ABI moved under it), and
   * the release rebuilt for that kernel: LIS 4.1.3 on RHEL 7.3 kernel 3.10.0-514.10.2, fixed in 4.1.3-2.
   */
  brokenFromKernel: z.strictObject({ kernel: KernelBuild, fixedIn: z.string().regex(/^\d+(\.\d+)*(-\d+)?$/) }).optional(),
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
  /** Only guests of this architecture ("Dynamic Memory needs a 64-bit kernel" is about 32-bit guests). */
  arch: z.enum(['32-bit', '64-bit']).optional(),
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

export const NOTE_EFFECT_KINDS = ['not-available', 'requires', 'tagging-only', 'min-host', 'arch-only', 'limit', 'informational'] as const;
export const NoteEffectKind = z.enum(NOTE_EFFECT_KINDS);
export type NoteEffectKind = z.infer<typeof NoteEffectKind>;

export const Arch = z.enum(['32-bit', '64-bit']);
export type Arch = z.infer<typeof Arch>;

export const IpVersion = z.enum(['ipv4', 'ipv6']);
export type IpVersion = z.infer<typeof IpVersion>;

/**
 * A bound a note sets on something the user can state in a question (an MTU, a disk size, a kernel build): the
 * feature works only within it, so a question that states a value beyond it gets a no.
 */
export const NoteLimit = z.discriminatedUnion('fact', [
  z.strictObject({ fact: z.literal('mtu'), max: z.number().int().positive() }),
  /** The largest virtual disk, in TB, a file system may be made on. */
  z.strictObject({ fact: z.literal('filesystem-disk-tb'), max: z.number().positive() }),
  z.strictObject({ fact: z.literal('ip-version'), allowed: z.array(IpVersion).min(1) }),
  z.strictObject({ fact: z.literal('filesystem'), forbidden: z.array(z.string().regex(/^[a-z0-9]+$/)).min(1) }),
  z.strictObject({ fact: z.literal('kernel-build'), min: KernelBuild }),
]);
export type NoteLimit = z.infer<typeof NoteLimit>;

/**
 * A requirement the user can say their guest does not meet: "nothing on LUN 0", "/data is bind-mounted twice",
 * "the stock kernel, no backports". A question that says so keeps the page's yes, with a line saying the guest as
 * described does not meet it.
 */
export const UNMET_REQUIREMENTS = ['lun0-empty', 'partition-mounted-twice', 'debian-stable-kernel'] as const;
export const UnmetRequirement = z.enum(UNMET_REQUIREMENTS);
export type UnmetRequirement = z.infer<typeof UnmetRequirement>;

/**
 * What a note does to a verdict, machine-readable. Scope fields narrow where it applies (absent: wherever the
 * note is cited); `why` says in our words why it applies or, for an informational note, why it changes nothing.
 */
export const NoteEffect = z
  .strictObject({
    kind: NoteEffectKind,
    /** Absent: every feature of the cells that cite the note (or, for a page-level note, every feature). */
    features: z.array(FeatureId).optional(),
    families: z.array(DistroId).optional(),
    versions: z.array(VersionItem).optional(),
    kernels: z.array(z.enum(['rhck', 'uek'])).optional(),
    /** UEK releases as keys: "r3qu2", "r4", "r5". */
    uek: z.array(z.string()).optional(),
    /** LIS download series ("3.5", "4.0") the note speaks of. */
    lis: z.array(z.string()).optional(),
    integration: z.array(IntegrationKind).optional(),
    hosts: z.array(HostId).optional(),
    /** min-host: the oldest host that works. */
    minHost: HostId.optional(),
    /** arch-only: the architecture it needs. */
    arch: Arch.optional(),
    /** requires: the package, daemon or setting, as "the hyperv-daemons package". */
    requirement: z.string().min(1).max(200).optional(),
    /** requires: what a question says when the guest does not meet the requirement. */
    unmetWhen: UnmetRequirement.optional(),
    /** limit: the bound a stated value must keep to. */
    limit: NoteLimit.optional(),
    why: z.string().min(1).max(300),
  })
  .refine((e) => e.kind !== 'requires' || e.requirement, { error: 'a requires effect names its requirement' })
  .refine((e) => e.kind === 'requires' || e.unmetWhen === undefined, { error: 'only a requires effect says when it is unmet' })
  .refine((e) => e.kind !== 'min-host' || e.minHost, { error: 'a min-host effect names minHost' })
  .refine((e) => e.kind !== 'arch-only' || e.arch, { error: 'an arch-only effect names arch' })
  .refine((e) => (e.kind === 'limit') === (e.limit !== undefined), { error: 'a limit effect, and only a limit effect, names its limit' });
export type NoteEffect = z.infer<typeof NoteEffect>;

/** Our own short paraphrase of an upstream matrix note, joined to the notes by fingerprint. */
export const NoteParaphrase = z.strictObject({
  fingerprint: z.string().regex(/^[0-9a-f]{12}$/),
  summary: z.string().min(1).max(300),
  features: z.array(FeatureId).default([]),
  /** What the note does to a verdict; an informational effect says why it changes none. */
  effects: z.array(NoteEffect).default([]),
  /** Where the note stands upstream: "ubuntu@2023-09-27#5". */
  seenAt: z.array(z.string()).min(1),
});
export type NoteParaphrase = z.infer<typeof NoteParaphrase>;

export { RecordId };

import * as z from 'zod';
import { DistroId, FeatureId, HostId, IntegrationKind } from '../../knowledge/schema/index.ts';
import type { CheckReport } from './check-report.ts';

/**
 * The `lisbot check --json` contract as a schema, for tools (and tests) that read reports.
 * Strict: a field added to the report without updating the contract fails validation.
 */
export const FindingSchema = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9_]+$/),
  severity: z.enum(['critical', 'warning', 'info', 'tip']),
  title: z.string().min(1),
  detail: z.string().min(1),
  fix: z.string().min(1).optional(),
  evidence: z.array(z.string().max(200)).max(5),
  source: z.string().optional(),
});

export const FeatureVerdictSchema = z.strictObject({ feature: FeatureId, available: z.boolean(), why: z.string().min(1) });

export const CheckReportSchema = z.strictObject({
  guest: z.strictObject({
    distro: DistroId.optional(),
    version: z.string().optional(),
    kernel: z.string().max(120).optional(),
    arch: z.string().max(20).optional(),
    generation: z.union([z.literal(1), z.literal(2)]).optional(),
  }),
  host: z.strictObject({ id: HostId, source: z.string() }).nullable(),
  integration: z.strictObject({ kind: IntegrationKind, package: z.string().optional() }).nullable(),
  status: z.enum(['supported', 'not_supported', 'unknown']),
  features: z.array(FeatureVerdictSchema),
  findings: z.array(FindingSchema),
  input: z.strictObject({ sections: z.number().int().nonnegative(), truncated: z.boolean(), diagnostics: z.array(z.string()) }),
  not_evaluated: z.array(z.strictObject({ id: z.string().regex(/^[A-Z][A-Z0-9_]+$/), needs: z.array(z.string()) })).optional(),
});

/** One line of an inventory run: a report with the VM's id. */
export const InventoryReportSchema = CheckReportSchema.extend({ vm_id: z.string().nullable() });

// The schema and the interface must describe the same shape, field by field (a compile-time check).
type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Parsed = DeepReadonly<z.infer<typeof CheckReportSchema>>;
type Contract = DeepReadonly<CheckReport>;
type FieldsSame = { [K in keyof Contract]-?: Same<Parsed[K], Contract[K]> }[keyof Contract];
const sameShape: [Same<keyof Parsed, keyof Contract>, FieldsSame] extends [true, true] ? true : false = true;
void sameShape;

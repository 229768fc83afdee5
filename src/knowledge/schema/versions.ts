import * as z from 'zod';

/** A version as users and Microsoft write it: "6.4", "14.04", "11 SP3", "10.0". Compared numerically. */
export const VersionText = z.string().regex(/^\d+(\.\d+)*( SP\d+)?$/, { error: 'expected a version such as 6.4, 14.04 or 11 SP3' });

/** One piece of a release column's version header. */
export const VersionItem = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exact'), version: VersionText }),
  /** openEnded marks a trailing "+": later minor releases of the same major are included too. */
  z.strictObject({ kind: z.literal('range'), from: VersionText, to: VersionText, openEnded: z.boolean().default(false) }),
  /** "9.x": every release of a major version. */
  z.strictObject({ kind: z.literal('series'), major: z.string().regex(/^\d+$/) }),
]);
export type VersionItem = z.infer<typeof VersionItem>;

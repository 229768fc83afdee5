/**
 * The Unbreakable Enterprise Kernel release a UEK kernel belongs to, from the upstream kernel each
 * release is based on (Oracle's UEK release notes: R1 2.6.32, R2 2.6.39, R3 3.8.13, R4 4.1.12,
 * R5 4.14.35, R6 5.4.17, R7 5.15.0). Keys are those of src/knowledge/query/uek.ts ("r5").
 * A quarterly update (R3 QU2) cannot be told from the version alone, so none is named.
 */
const UEK_BASES: ReadonlyArray<readonly [string, string]> = [
  ['2.6.32', 'r1'],
  ['2.6.39', 'r2'],
  ['3.8.13', 'r3'],
  ['4.1.12', 'r4'],
  ['4.14.35', 'r5'],
  ['5.4.17', 'r6'],
  ['5.15.0', 'r7'],
];

export function uekReleaseOf(kernelRelease: string): string | undefined {
  if (!/uek/i.test(kernelRelease)) return undefined;
  const base = /^(\d+\.\d+\.\d+)[-.]/.exec(kernelRelease)?.[1];
  return UEK_BASES.find(([version]) => version === base)?.[1];
}

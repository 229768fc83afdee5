import type { FeatureEntity } from '../../core/reply.ts';

/**
 * Features that frame a question rather than ask it: the integration services as a whole (an `hv_utils:` log prefix),
 * the VM's generation ("our gen2 vms", a UEFI DMI line) and dynamic memory as a whole. Any other feature named beside
 * them is the one asked about.
 */
const FRAMING: ReadonlySet<FeatureEntity> = new Set(['core', 'uefi-boot', 'dynamic-memory']);

/** A feature that works through another: named together ("KVP: IP injection ..."), the narrower one is asked about. */
const WORKS_THROUGH: ReadonlyArray<readonly [narrower: FeatureEntity, broader: FeatureEntity]> = [
  ['static-ip-injection', 'kvp'],
  ['runtime-memory-resize', 'dm-hot-add'],
];

/**
 * The feature a question asks about, from every feature it names in order. Hot-add and ballooning compared mean
 * dynamic memory, and otherwise the one named first is asked about ("hot add, or only ballooning?"); "Gen2 with
 * Secure Boot" asks about Secure Boot; a dynamic memory setting ("minimum memory") beside dynamic memory itself asks
 * about dynamic memory.
 */
export function pickFeature(
  features: readonly FeatureEntity[],
  namedBySetting: ReadonlySet<FeatureEntity> = new Set(),
  comparing = false,
): FeatureEntity | undefined {
  const hotAdd = features.indexOf('dm-hot-add');
  const ballooning = features.indexOf('dm-ballooning');
  if (hotAdd >= 0 && ballooning >= 0) return comparing ? 'dynamic-memory' : hotAdd < ballooning ? 'dm-hot-add' : 'dm-ballooning';
  if (features.includes('secure-boot')) return 'secure-boot';
  const asked = features.filter(
    (feature) =>
      !(features.includes('dynamic-memory') && namedBySetting.has(feature)) &&
      !WORKS_THROUGH.some(([narrower, broader]) => broader === feature && features.includes(narrower)) &&
      // "32-bit (PAE kernel), can I turn on dynamic memory?": the PAE kernel says which guest, the other feature is asked.
      !(feature === 'pae' && features.some((other) => other !== 'pae')),
  );
  // Among framing features, the VM's generation is the least likely to be the question ("dynamic memory on gen2").
  return asked.find((feature) => !FRAMING.has(feature)) ?? asked.find((feature) => feature !== 'uefi-boot') ?? asked[0];
}

/**
 * A problem or a tip about dynamic memory that names ballooning as what the guest does ("LIS only balloons, how do
 * I set up dynamic memory?") is about dynamic memory as a whole; a support question naming both asks about ballooning.
 */
export function adviceFeature(picked: FeatureEntity | undefined, features: readonly FeatureEntity[]): FeatureEntity | undefined {
  return picked === 'dm-ballooning' && features.includes('dynamic-memory') && !features.includes('dm-hot-add') ? 'dynamic-memory' : picked;
}

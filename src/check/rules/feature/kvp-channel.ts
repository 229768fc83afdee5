import type { RuleContext } from '../types.ts';

const KVP_CLASS = 'a9a0f4e7-5a45-4d96-b827-8a841e8c03e6';
const BACKUP_CLASS = '35fa2e29-ea23-4236-96ae-3a6ebacba440';
const FCOPY_CLASS = '34d14be3-dee4-41c8-9ae7-6b174977c192';

export const CLASS = { kvp: KVP_CLASS, vss: BACKUP_CLASS, fcopy: FCOPY_CLASS } as const;

/**
 * Whether the host offers a utility channel: the VMBus device list decides when it was
 * collected; otherwise a loaded hv_utils (KVP exists on every host) or simply Hyper-V.
 */
export function channelOffered(ctx: RuleContext, kind: keyof typeof CLASS): boolean | undefined {
  const devices = ctx.facts.vmbusDevices?.value;
  if (devices) return devices.some((d) => d.classId === CLASS[kind]);
  if (kind !== 'kvp') return undefined;
  const mods = ctx.facts.hvModules?.value;
  if (mods && (mods.loaded.includes('hv_utils') || mods.builtin.includes('hv_utils') || mods.loaded.includes('hv_kvp'))) return true;
  return ctx.guest.hyperV === 'yes' || ctx.guest.hyperV === 'unknown' ? true : undefined;
}

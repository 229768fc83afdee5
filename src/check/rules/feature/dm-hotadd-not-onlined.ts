import { evidenceOf, finding, versionBetween } from '../helpers.ts';
import { defineRule } from '../define.ts';

const FIX =
  'Create /etc/udev/rules.d/100-balloon.rules with the line SUBSYSTEM=="memory", ACTION=="add", ATTR{state}="online" (or set memhp_default_state=online on the kernel command line), then reboot.';
/** "hot-added memory blocks … offline", "memory … not onlined", "new RAM stays offline". */
const OFFLINE_NOTE =
  /\b(?:hot-?add(?:ed)?|added|new)\b[^.;]{0,80}\b(?:memory|ram)\b[^.;]{0,80}\b(?:offline|not online(?:d)?)\b|\b(?:memory|ram)\b[^.;]{0,60}\b(?:offline|not onlined)\b/i;

export const dmHotaddNotOnlined = defineRule({
  id: 'DM_HOTADD_NOT_ONLINED',
  category: 'feature',
  severity: 'warning',
  title: 'Hot-added memory stays offline',
  needs: [['memory', 'userContext']],
  uses: ['balloon'],
  evaluate(ctx) {
    // An inventory cannot show memory blocks, but its notes can say what the admin saw.
    const notes = ctx.facts.userContext?.value.notes;
    if (notes && OFFLINE_NOTE.test(notes) && ctx.guest.dmInUse !== false) {
      return finding(ctx, {
        detail:
          'The notes say memory the host hot-added stays offline in the guest: nothing onlines new memory blocks (no udev rule, automatic onlining off).',
        fix: FIX,
        evidence: evidenceOf(ctx.facts.userContext),
      });
    }
    const memory = ctx.facts.memory?.value;
    const balloon = ctx.facts.balloon?.value;
    if (!memory) return 'skip';
    // Without the balloon driver's log, memory blocks sitting offline are themselves the sign that memory was added.
    if (!balloon && !((memory.offlineBlocks ?? 0) > 0)) return 'skip';
    if (balloon?.driver === false || memory.hotplugConfig === false || ctx.guest.dmInUse === false) return 'pass';
    if (
      memory.hotplugDefaultOnline === true ||
      memory.autoOnline === 'online' ||
      memory.autoOnline === 'online_movable' ||
      memory.onlineRule === true
    )
      return 'pass';
    const v = ctx.guest.version;
    const knownGap = ctx.guest.rhelLike && (versionBetween(v, '6.5', '6.7') || versionBetween(v, '7.0', '7.0'));
    const offline = memory.offlineBlocks ?? 0;
    if (offline === 0 && !knownGap) return memory.offlineBlocks === undefined && memory.onlineRule === undefined ? 'skip' : 'pass';
    return finding(ctx, {
      detail: `Memory the host hot-adds stays offline: nothing onlines new memory blocks (no udev rule, automatic onlining off)${offline > 0 ? `, and ${offline} memory block${offline === 1 ? ' is' : 's are'} offline now` : ''}.`,
      fix: FIX,
      evidence: evidenceOf(ctx.facts.memory),
    });
  },
});

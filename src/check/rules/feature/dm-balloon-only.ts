import { lisIsBalloonOnly } from '../context.ts';
import { evidenceOf, finding, token } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const dmBalloonOnly = defineRule({
  id: 'DM_BALLOON_ONLY',
  category: 'feature',
  severity: 'warning',
  title: 'Dynamic Memory can shrink this VM but never grow it',
  needs: [],
  uses: ['balloon', 'lis', 'memory', 'userContext'],
  evaluate(ctx) {
    const hotAdd = ctx.guest.features.get('dm-hot-add');
    const balloon = ctx.guest.features.get('dm-ballooning');
    const lis = ctx.guest.lis;
    const lisLimited = lis?.installed === true && lisIsBalloonOnly(lis.version);
    const noHotplug = ctx.facts.memory?.value.hotplugConfig === false;
    if (!hotAdd && !lisLimited && !noHotplug) return 'skip';
    const balloonOnly = (hotAdd?.available === false || lisLimited || noHotplug) && balloon?.available !== false;
    if (!balloonOnly) return 'pass';
    const inUse = ctx.guest.dmInUse;
    if (inUse === false) return 'pass';
    if (inUse === undefined) return 'skip';
    const cause = lisLimited
      ? `LIS ${token(lis.version, 12)} can give memory back (ballooning) but cannot take more (no hot-add)`
      : noHotplug
        ? 'the kernel is built without memory hot-plug, so it can only balloon'
        : `this release's drivers support ballooning but not hot-add (${hotAdd?.why ?? 'KB'})`;
    return finding(ctx, {
      detail: `Dynamic Memory is in use, and ${cause}: the VM never grows above its Startup memory.${ctx.facts.balloon?.value.hotAddFailed ? ' The log shows the host already tried to add memory and failed.' : ''}`,
      fix: 'Set Startup memory equal to Maximum memory so all memory is present at boot, and let ballooning return unused memory to the host; or move to drivers with hot-add (a newer LIS, or a release with built-in support).',
      evidence: evidenceOf(ctx.facts.balloon, ctx.facts.lis, ctx.facts.userContext),
      ...(hotAdd?.column ? { source: hotAdd.column.snapshot.id } : {}),
    });
  },
});

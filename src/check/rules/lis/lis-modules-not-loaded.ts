import { evidenceOf, finding, logSignature, token } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

export const lisModulesNotLoaded = defineRule({
  id: 'LIS_MODULES_NOT_LOADED',
  category: 'lis',
  severity: 'critical',
  title: 'LIS is installed but its modules are not the ones loaded',
  needs: ['lis'],
  uses: ['hvModules', 'logSignatures'],
  evaluate(ctx) {
    const lis = fact(ctx, 'lis');
    if (!lis.value.installed) return 'pass';
    const mods = ctx.facts.hvModules;
    const mismatch = logSignature(ctx, 'symbol-mismatch');
    const want = lis.value.version?.split('.').slice(0, 2).join('.');
    const loaded = mods?.value.loadedVersions.hv_vmbus;
    const info = mods?.value.info.find((m) => m.name === 'hv_vmbus');
    const reasons: string[] = [];
    if (mismatch.length > 0) reasons.push('the kernel rejected Hyper-V modules for a symbol version mismatch');
    if (loaded && want && !loaded.startsWith(want))
      reasons.push(`the loaded hv_vmbus reports version ${token(loaded, 20)}, not LIS ${want}`);
    if (info?.filename && !info.fromLis && !info.builtin)
      reasons.push('hv_vmbus would load from the kernel tree, not from the LIS directories');
    if (reasons.length === 0) return mods || mismatch.length > 0 ? 'pass' : 'skip';
    return finding(ctx, {
      detail: `LIS is installed but its modules are not the ones in use: ${reasons.join('; ')}. Most likely a kernel update left this LIS build behind and the built-in drivers took over (on 6.0-6.3, which has none, the VM may not boot).`,
      fix: 'Install the LIS build made for the running kernel (or the newest LIS, then reboot), or remove LIS on releases with built-in drivers.',
      evidence: evidenceOf(mismatch[0]?.evidence, mods, lis),
    });
  },
});

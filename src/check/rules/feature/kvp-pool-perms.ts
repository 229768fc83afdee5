import { evidenceOf, finding } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

export const kvpPoolPerms = defineRule({
  id: 'KVP_POOL_PERMS',
  category: 'feature',
  severity: 'info',
  title: 'KVP pool files look unhealthy',
  needs: ['kvpPools'],
  uses: ['daemons'],
  evaluate(ctx) {
    const pools = fact(ctx, 'kvpPools');
    const running = ctx.facts.daemons?.kvp?.value.running;
    if (pools.value.missing) {
      if (running !== true) return 'pass';
      return finding(ctx, {
        detail: 'The KVP daemon runs but its pool directory does not exist.',
        fix: 'Restart the KVP daemon and check its log for errors writing the pool files.',
        evidence: evidenceOf(pools),
        kbFix: false,
      });
    }
    const expected = ctx.guest.distro === 'freebsd' ? '600' : '644';
    const wrongMode = pools.value.files.filter((f) => f.mode !== expected);
    const emptyHostPool = running === true && pools.value.files.some((f) => f.name === '.kvp_pool_3' && f.size === 0);
    if (wrongMode.length === 0 && !emptyHostPool) return 'pass';
    const parts: string[] = [];
    if (wrongMode.length > 0) parts.push(`${wrongMode.map((f) => `${f.name} has mode ${f.mode}`).join(', ')} (expected ${expected})`);
    if (emptyHostPool) parts.push('.kvp_pool_3, which the host fills, is empty although the daemon runs');
    return finding(ctx, {
      detail: `The KVP pool files look unhealthy: ${parts.join('; ')}.`,
      fix: `Stop the KVP daemon, fix the modes (chmod ${expected}) or remove the pool files, and start the daemon again so it recreates them.`,
      evidence: evidenceOf(pools),
      kbFix: false,
    });
  },
});

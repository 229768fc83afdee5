import { evidenceOf, finding, token } from '../helpers.ts';
import { defineRule } from '../define.ts';

const MAX_MTU = 9126;

export const bpFreebsdMtu = defineRule({
  id: 'BP_FREEBSD_MTU',
  category: 'best-practice',
  severity: 'info',
  title: 'MTU above the supported maximum',
  needs: ['os'],
  uses: ['network'],
  evaluate(ctx) {
    const distro = ctx.guest.distro;
    if (!distro) return 'skip';
    if (distro !== 'freebsd') return 'pass';
    const interfaces = ctx.facts.network?.value.interfaces.filter((i) => i.mtu !== undefined);
    if (!interfaces || interfaces.length === 0) return 'skip';
    const big = interfaces.filter((i) => (i.mtu ?? 0) > MAX_MTU);
    if (big.length === 0) return 'pass';
    return finding(ctx, {
      detail: `${big.map((i) => `${token(i.name, 16)} has MTU ${i.mtu ?? '?'}`).join(', ')}; FreeBSD guests on Hyper-V support at most ${MAX_MTU}.`,
      fix: `Set the MTU to ${MAX_MTU} or less (ifconfig_hn0="... mtu ${MAX_MTU}" in /etc/rc.conf).`,
      evidence: evidenceOf(ctx.facts.network),
    });
  },
});

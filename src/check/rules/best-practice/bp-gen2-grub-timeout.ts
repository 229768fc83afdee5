import { evidenceOf, familyLabel, finding } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

/** The catalogue's threshold: at this value or below the fast UEFI countdown leaves no time to choose. */
const SHORT_TIMEOUT_S = 5;

export const bpGen2GrubTimeout = defineRule({
  id: 'BP_GEN2_GRUB_TIMEOUT',
  category: 'best-practice',
  severity: 'tip',
  title: 'GRUB countdown runs too fast on Generation 2',
  needs: ['generation', 'os'],
  uses: ['grubTimeout'],
  evaluate(ctx) {
    const generation = fact(ctx, 'generation').value;
    const { major, rhelLike, distro } = ctx.guest;
    if (!distro) return 'skip';
    if (generation !== 2 || !rhelLike || (major !== 6 && major !== 7)) return 'pass';
    const timeout = ctx.facts.grubTimeout;
    if (timeout && timeout.value > SHORT_TIMEOUT_S) return 'pass';
    const shown = timeout ? `The GRUB timeout is ${timeout.value} s.` : '(The upload does not show the GRUB timeout; check it.)';
    return finding(ctx, {
      detail: `${familyLabel(ctx)} in a Generation 2 VM: the UEFI timer makes the GRUB menu count down faster than it says, so a short timeout (${SHORT_TIMEOUT_S} seconds or less) leaves no time to pick another kernel. ${shown}`,
      fix: 'Raise the GRUB timeout (timeout= in grub.conf, or GRUB_TIMEOUT in /etc/default/grub followed by grub2-mkconfig).',
      evidence: evidenceOf(timeout, ctx.facts.generation, ctx.facts.os),
    });
  },
});

import { defineRule, fact } from '../define.ts';
import { evidenceOf, finding } from '../helpers.ts';

export const hostSecureBootTemplate = defineRule({
  id: 'HOST_SECURE_BOOT_TEMPLATE',
  category: 'feature',
  severity: 'critical',
  title: 'Secure Boot uses the Windows template, which does not boot Linux',
  needs: ['vmSettings'],
  withoutHyperV: true,
  evaluate(ctx) {
    const { secureBoot, secureBootTemplate } = fact(ctx, 'vmSettings').value;
    if (secureBoot === undefined && secureBootTemplate === undefined) return 'skip';
    if (secureBoot === 'off' || secureBootTemplate === undefined || !/^MicrosoftWindows$/i.test(secureBootTemplate)) return 'pass';
    return finding(ctx, {
      detail:
        'Secure Boot is on with the MicrosoftWindows template, which trusts only Windows boot loaders: a Generation 2 Linux or FreeBSD VM stops at the firmware with a signature failure.',
      fix: 'On Windows Server 2016 and later: Set-VMFirmware -VMName <vm> -SecureBootTemplate MicrosoftUEFICertificateAuthority (the "Microsoft UEFI Certificate Authority" template). On 2012 R2, which has no such template, turn Secure Boot off: Set-VMFirmware -VMName <vm> -EnableSecureBoot Off.',
      evidence: evidenceOf(ctx.facts.vmSettings),
      kbFix: false,
    });
  },
});

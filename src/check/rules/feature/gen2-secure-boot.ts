import { evidenceOf, finding } from '../helpers.ts';
import { defineRule, fact } from '../define.ts';

export const gen2SecureBoot = defineRule({
  id: 'GEN2_SECURE_BOOT',
  category: 'feature',
  severity: 'warning',
  severityWhenUnsure: 'info',
  title: 'Secure Boot template needed for Linux on Generation 2',
  needs: ['generation'],
  uses: ['host', 'secureBoot'],
  evaluate(ctx) {
    const generation = fact(ctx, 'generation').value;
    const host = ctx.guest.host?.family;
    if (!host) return 'skip';
    if (generation !== 2) return 'pass';
    const state = ctx.facts.secureBoot?.value;
    const evidence = evidenceOf(ctx.facts.generation, ctx.facts.secureBoot, ctx.facts.host);
    if (host === '2012 R2') {
      return finding(ctx, {
        severity: state === 'enabled' ? 'warning' : 'info',
        detail:
          'Windows Server 2012 R2 has no Secure Boot template for Linux: a Generation 2 Linux VM there boots only with Secure Boot off, and turning it back on stops the VM from booting.',
        fix: 'Keep Secure Boot off on this host (Set-VMFirmware -VMName <vm> -EnableSecureBoot Off); on 2016 and later use the Microsoft UEFI Certificate Authority template.',
        evidence,
      });
    }
    if (host === '2008' || host === '2008 R2' || host === '2012') return 'pass';
    const sb = ctx.guest.features.get('secure-boot');
    if (state === 'disabled' && sb?.available === true) {
      return finding(ctx, {
        severity: 'info',
        detail: 'Secure Boot is off, although this release can boot with it on this host.',
        fix: 'To turn it on: Set-VMFirmware -VMName <vm> -EnableSecureBoot On -SecureBootTemplate MicrosoftUEFICertificateAuthority (the Microsoft UEFI Certificate Authority template; the "Microsoft Windows" template will not boot Linux).',
        evidence,
      });
    }
    return state === undefined ? 'skip' : 'pass';
  },
});

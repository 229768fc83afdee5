import { evidenceOf, finding, logSignature, token } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const kvpUbuntuToolsMismatch = defineRule({
  id: 'KVP_UBUNTU_TOOLS_MISMATCH',
  category: 'feature',
  severity: 'warning',
  title: 'Ubuntu cloud tools do not match the running kernel',
  needs: ['os'],
  uses: ['daemons', 'kernel', 'logSignatures'],
  evaluate(ctx) {
    if (ctx.guest.distro === undefined) return 'skip';
    if (ctx.guest.distro !== 'ubuntu') return 'pass';
    const tools = ctx.facts.daemons?.ubuntuToolsForKernel;
    const warning = logSignature(ctx, 'ubuntu-tools-missing')[0];
    if (!tools && !warning) return 'skip';
    if (tools?.value === true && !warning) return 'pass';
    const wrapper = ctx.facts.daemons?.kvp?.value.installed === true;
    if (!wrapper && !warning) return 'pass';
    const release = token(ctx.facts.kernel?.value.release, 60);
    return finding(ctx, {
      detail: `Ubuntu's hv_kvp_daemon is a wrapper that runs the binary from linux-cloud-tools-<kernel>; there is none for the running kernel ${release}, so the daemons cannot start. This happens after a kernel update when only a versioned cloud-tools package was installed.`,
      fix: 'Install the meta package that follows kernel updates: sudo apt-get install linux-cloud-tools-virtual (or linux-cloud-tools-$(uname -r) for this kernel only), then restart hv-kvp-daemon.',
      evidence: evidenceOf(warning?.evidence, tools, ctx.facts.daemons?.kvp),
    });
  },
});

import { evidenceOf, finding, token } from '../helpers.ts';
import { defineRule } from '../define.ts';

const GOOD_META = /^linux-(?:image-)?(?:virtual|azure)|hwe|-lts-|^linux-(?:image-)?generic-hwe/;

export const bpUbuntuKernelFlavour = defineRule({
  id: 'BP_UBUNTU_KERNEL_FLAVOUR',
  category: 'best-practice',
  severity: 'tip',
  title: 'Use a kernel flavour that tracks Hyper-V fixes',
  needs: ['os'],
  uses: ['kernel', 'kernelPackages'],
  evaluate(ctx) {
    const distro = ctx.guest.distro;
    if (!distro) return 'skip';
    if (distro !== 'ubuntu') return 'pass';
    const packages = ctx.facts.kernelPackages;
    const kernel = ctx.facts.kernel?.value;
    if (!packages || !kernel) return 'skip';
    if (kernel.flavour === 'azure' || kernel.flavour === 'virtual') return 'pass';
    const meta = packages.value.meta;
    const tracksKernel = meta.some((m) => GOOD_META.test(m));
    const cloudTools = meta.some((m) => /^linux-cloud-tools-/.test(m));
    if (tracksKernel && cloudTools) return 'pass';
    const missing = [
      tracksKernel ? '' : 'a virtual, HWE or linux-azure kernel meta package',
      cloudTools ? '' : 'a linux-cloud-tools meta package',
    ].filter(Boolean);
    return finding(ctx, {
      detail: `This Ubuntu guest runs the ${token(kernel.flavour ?? 'generic', 20)} kernel without ${missing.join(' and ')}: Hyper-V fixes arrive late, and the Hyper-V daemons do not follow kernel updates.`,
      fix: 'Install linux-virtual (or the HWE variant, e.g. linux-virtual-hwe-22.04, or linux-azure) together with linux-cloud-tools-virtual and linux-tools-virtual, then reboot into the new kernel.',
      evidence: evidenceOf(packages, ctx.facts.kernel),
    });
  },
});

import { parseLinuxRelease } from '../../parse/facts/kernel.ts';
import { compareTuples, evidenceOf, familyLabel, finding, token } from '../helpers.ts';
import { lisCovers, lisRelease } from '../lis-releases.ts';
import { defineRule, fact } from '../define.ts';

/** The kernel release a module was built for, without the architecture suffix. */
function base(release: string): string {
  return release.replace(/\.(?:x86_64|i[3-6]86|aarch64)$/, '');
}

/** The running kernel is the build given, or a later build of the same upstream version. */
function atOrPast(kernel: { upstream: readonly number[]; vendorBuild: readonly number[] }, build: string): boolean {
  const from = parseLinuxRelease(build);
  return compareTuples([...kernel.upstream], from.upstream) === 0 && compareTuples([...kernel.vendorBuild], from.vendorBuild) >= 0;
}

export const lisKernelUnsupported = defineRule({
  id: 'LIS_KERNEL_UNSUPPORTED',
  category: 'lis',
  severity: 'warning',
  title: 'The running kernel is newer than this LIS build supports',
  needs: ['lis'],
  uses: ['hvModules', 'kernel'],
  evaluate(ctx) {
    const lis = fact(ctx, 'lis');
    const kernel = ctx.facts.kernel?.value;
    if (!lis.value.installed) return 'pass';
    if (!kernel) return 'skip';
    const reasons: string[] = [];
    const built = ctx.facts.hvModules?.value.info.find((m) => m.fromLis && m.vermagic)?.vermagic;
    if (built && base(built) !== base(kernel.release)) {
      reasons.push(
        `the LIS modules were built for kernel ${token(built, 60)} but ${token(kernel.release, 60)} is running (they load through weak-updates, an untested combination)`,
      );
    }
    const release = lis.value.version ? lisRelease(ctx.kb, lis.value.version) : undefined;
    const { distro, version } = ctx.guest;
    if (release && distro && version && ctx.guest.rhelLike && !lisCovers(ctx.kb, release, distro, version)) {
      reasons.push(`LIS ${release.version} does not list ${familyLabel(ctx)}`);
    }
    const broken = release?.version === lis.value.version ? release?.brokenFromKernel : undefined;
    if (broken && kernel.osType === 'Linux' && atOrPast(kernel, broken.kernel)) {
      reasons.push(
        `the LIS ${release!.version} modules do not load on kernel ${broken.kernel} and later builds, which this guest runs (${token(kernel.release, 60)}); LIS ${broken.fixedIn} was rebuilt for them`,
      );
    }
    if (reasons.length === 0) return built || release ? 'pass' : 'skip';
    return finding(ctx, {
      detail: `${reasons.join('; ')}. The LIS installer refuses such kernels ("Unsupported kernel version"), and drivers may misbehave.`,
      fix: 'Install the LIS release that lists this kernel, boot a kernel the installed LIS supports, or move to the built-in drivers.',
      evidence: evidenceOf(ctx.facts.hvModules, ctx.facts.kernel, lis),
    });
  },
});

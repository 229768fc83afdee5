// Names the saved upstream page files the way the KB names their Source records.

/** File-name page prefix → page slug. */
export const UPSTREAM_PAGE_SLUGS: Readonly<Record<string, string>> = {
  'Supported-CentOS-and-Red-Hat-Enterprise-Linux-virtual-machines-on-Hyper-V': 'rhel',
  'Supported-Debian-virtual-machines-on-Hyper-V': 'debian',
  'Supported-Oracle-Linux-virtual-machines-on-Hyper-V': 'oracle-linux',
  'Supported-SUSE-virtual-machines-on-Hyper-V': 'sles',
  'Supported-Ubuntu-virtual-machines-on-Hyper-V': 'ubuntu',
  'Supported-FreeBSD-virtual-machines-on-Hyper-V': 'freebsd',
  'Supported-Linux-and-FreeBSD-virtual-machines-for-Hyper-V-on-Windows': 'index',
  'Feature-Descriptions-for-Linux-and-FreeBSD-virtual-machines-on-Hyper-V': 'feature-descriptions',
  'Best-Practices-for-running-Linux-on-Hyper-V': 'best-practices-linux',
  'Best-practices-for-running-FreeBSD-on-Hyper-V': 'best-practices-freebsd',
};

/**
 * "Supported-Ubuntu-virtual-machines-on-Hyper-V@2023-09-27.md" → "ubuntu@2023-09-27";
 * "…Debian…@2016-10-03_6de04a09.md" → "debian@2016-10-03_6de04a09". Undefined for an unknown page.
 */
export function sourceIdForFile(fileName: string): string | undefined {
  const match = /^([^@/\\]+)@([^/\\]+)\.md$/.exec(fileName);
  if (!match) return undefined;
  const slug = UPSTREAM_PAGE_SLUGS[match[1]!];
  return slug ? `${slug}@${match[2]!.toLowerCase()}` : undefined;
}

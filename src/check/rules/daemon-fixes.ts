import type { RuleContext } from './types.ts';

export type DaemonKind = 'kvp' | 'vss' | 'fcopy';

const DAEMON_WORD: Record<DaemonKind, string> = { kvp: 'KVP', vss: 'VSS (backup)', fcopy: 'file-copy' };
const RHEL_SERVICE: Record<DaemonKind, string> = { kvp: 'hypervkvpd', vss: 'hypervvssd', fcopy: 'hypervfcopyd' };
const SUSE_SERVICE: Record<DaemonKind, string> = { kvp: 'hv_kvp_daemon', vss: 'hv_vss_daemon', fcopy: 'hv_fcopy_daemon' };
const UBUNTU_SERVICE: Record<DaemonKind, string> = { kvp: 'hv-kvp-daemon', vss: 'hv-vss-daemon', fcopy: 'hv-fcopy-daemon' };

/** The kernel each Ubuntu LTS ships at release (GA); a newer major means an HWE kernel. */
const UBUNTU_GA_KERNEL: Record<string, string> = {
  '14.04': '3.13',
  '16.04': '4.4',
  '18.04': '4.15',
  '20.04': '5.4',
  '22.04': '5.15',
  '24.04': '6.8',
};

function ubuntuTools(ctx: RuleContext, kind: DaemonKind): string {
  const version = ctx.guest.version ?? '';
  const kernel = ctx.facts.kernel?.value;
  const flavour = kernel?.flavour === 'virtual' || kernel?.flavour === 'azure' ? kernel.flavour : 'generic';
  const running = kernel ? kernel.upstream.slice(0, 2).join('.') : undefined;
  const hwe = running !== undefined && UBUNTU_GA_KERNEL[version] !== undefined && running !== UBUNTU_GA_KERNEL[version];
  if (version === '12.04') {
    return 'Ubuntu 12.04: sudo apt-get install hv-kvp-daemon-init linux-tools-lts-trusty linux-cloud-tools-generic-lts-trusty, then reboot into the trusty (lts) kernel.';
  }
  if (version === '14.04') {
    const meta = hwe
      ? 'linux-cloud-tools-virtual-lts-<series> (the -lts- package matching your HWE kernel, e.g. lts-xenial)'
      : `linux-cloud-tools-${flavour}`;
    return `Ubuntu 14.04: sudo apt-get install hv-kvp-daemon-init ${meta} (or linux-cloud-tools-$(uname -r) for the running kernel only). hv-kvp-daemon-init sets up the KVP service; the linux-cloud-tools packages carry hv_kvp_daemon and hv_vss_daemon for each kernel.${kind === 'kvp' ? '' : ` Then check: service ${UBUNTU_SERVICE[kind]} status.`}`;
  }
  const meta = hwe
    ? `linux-cloud-tools-${flavour === 'azure' ? 'azure' : 'virtual'}-hwe-${version}`
    : `linux-cloud-tools-${flavour === 'generic' ? 'virtual' : flavour}`;
  return `Ubuntu ${version || '16.04+'}: sudo apt-get install ${meta} linux-tools-${flavour === 'azure' ? 'azure' : 'virtual'} (the meta packages follow kernel updates; linux-cloud-tools-$(uname -r) covers only the running kernel), then sudo systemctl enable --now ${UBUNTU_SERVICE[kind]}.`;
}

/** How to install the Hyper-V daemon for this distribution and release, in our own words. */
export function installDaemonFix(ctx: RuleContext, kind: DaemonKind): string {
  const { distro, major, minor } = ctx.guest;
  if (ctx.guest.lis?.installed) {
    return `The Microsoft LIS download ships its own ${DAEMON_WORD[kind]} daemon (hv_${kind}_daemon): reinstall the microsoft-hyper-v package of your LIS release, or remove LIS and use the distribution's hyperv-daemons package on a release with built-in drivers.`;
  }
  switch (distro) {
    case 'rhel':
    case 'centos':
    case 'oracle-linux': {
      if (major === 6 && minor === 4) {
        return kind === 'kvp'
          ? 'RHEL/CentOS 6.4: yum install hypervkvpd; chkconfig hypervkvpd on; service hypervkvpd start.'
          : 'RHEL/CentOS 6.4 ships only the KVP daemon (hypervkvpd); the VSS and file-copy daemons came with 6.5 (hyperv-daemons).';
      }
      if (major !== undefined && major <= 6) {
        return `yum install hyperv-daemons; chkconfig ${RHEL_SERVICE[kind]} on; service ${RHEL_SERVICE[kind]} start.`;
      }
      return `dnf/yum install hyperv-daemons, then systemctl start ${RHEL_SERVICE[kind]} (the units start by themselves at boot when the host offers the channel).`;
    }
    case 'ubuntu':
      return ubuntuTools(ctx, kind);
    case 'debian':
      return `apt-get install hyperv-daemons (from backports on Debian 7 and 8.0-8.2), then systemctl enable --now hyperv-daemons.${UBUNTU_SERVICE[kind]}.service.`;
    case 'sles':
    case 'opensuse':
      return `zypper install hyper-v, then systemctl enable --now ${SUSE_SERVICE[kind]} (SLES 11: insserv ${SUSE_SERVICE[kind]}; rc${SUSE_SERVICE[kind]} start).`;
    case 'freebsd':
      if (major !== undefined && major < 10)
        return 'FreeBSD 8.x/9.x: install the emulators/hyperv-is port, which carries all the integration services.';
      if (major === 10 && minor === 0)
        return 'FreeBSD 10.0: install the hyperv-is port for KVP, add hv_kvp_load="YES" to /boot/loader.conf and hv_kvp_daemon_enable="YES" to /etc/rc.conf.';
      return `FreeBSD ${major ?? ''}: the daemons are in the base system; set hv_${kind}_daemon_enable="YES" in /etc/rc.conf and run service hv_${kind}_daemon start.`;
    default:
      return `Install your distribution's Hyper-V daemon package (hyperv-daemons, hyper-v or linux-cloud-tools) and start the ${DAEMON_WORD[kind]} daemon.`;
  }
}

/** How to start an installed daemon, named as its units or init scripts were seen. */
export function startDaemonFix(ctx: RuleContext, kind: DaemonKind, units: readonly string[]): string {
  const unit = units[0]?.replace(/[^\w.@-]/g, '').slice(0, 60);
  const distro = ctx.guest.distro;
  if (distro === 'freebsd') return `Set hv_${kind}_daemon_enable="YES" in /etc/rc.conf and run service hv_${kind}_daemon start.`;
  if (unit && unit.endsWith('.service'))
    return `systemctl enable --now ${unit}; if it stays inactive, check systemctl status ${unit} (a failed start condition means the host does not offer the channel).`;
  const name =
    unit ??
    (distro === 'ubuntu' ? UBUNTU_SERVICE[kind] : distro === 'sles' || distro === 'opensuse' ? SUSE_SERVICE[kind] : RHEL_SERVICE[kind]);
  if ((ctx.guest.major ?? 99) <= 6 && ctx.guest.rhelLike) return `chkconfig ${name} on; service ${name} start.`;
  return `Start and enable ${name} (systemctl enable --now ${name}, or service ${name} start on older init systems).`;
}

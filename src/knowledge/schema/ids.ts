import * as z from 'zod';

export const FEATURE_IDS = [
  'core',
  'accurate-time',
  'vcpus-over-256',
  'jumbo-frames',
  'vlan',
  'live-migration',
  'static-ip-injection',
  'vrss',
  'tcp-offload',
  'lro',
  'sr-iov',
  'vhdx-resize',
  'fibre-channel',
  'live-backup',
  'trim',
  'scsi-wwn',
  'pae',
  'mmio-gap',
  'dm-hot-add',
  'dm-ballooning',
  'runtime-memory-resize',
  'video',
  'kvp',
  'nmi',
  'file-copy',
  'lsvmbus',
  'hv-sockets',
  'pci-passthrough',
  'uefi-boot',
  'secure-boot',
] as const;
export const FeatureId = z.enum(FEATURE_IDS);
export type FeatureId = z.infer<typeof FeatureId>;

export const FEATURE_CATEGORIES = ['core', 'networking', 'storage', 'memory', 'video', 'miscellaneous', 'generation-2'] as const;
export const FeatureCategory = z.enum(FEATURE_CATEGORIES);
export type FeatureCategory = z.infer<typeof FeatureCategory>;

/** Server releases in order; client Hyper-V maps to its server twin. */
export const HOST_IDS = ['2008 R2', '2012', '2012 R2', '2016', '2019', '2022', '2025'] as const;
export const HostId = z.enum(HOST_IDS);
export type HostId = z.infer<typeof HostId>;

/** Client Hyper-V on desktop Windows, by its release: each shares its hypervisor with a server release (8 with 2012). */
export const CLIENT_HOST_IDS = ['8', '8.1', '10', '11'] as const;
export const ClientHostId = z.enum(CLIENT_HOST_IDS);
export type ClientHostId = z.infer<typeof ClientHostId>;

/** Hosts named in matrix rows that are not Windows Server releases. */
export const OTHER_HOSTS = ['Azure Stack HCI'] as const;
export const OtherHost = z.enum(OTHER_HOSTS);
export type OtherHost = z.infer<typeof OtherHost>;

export const LINUX_AND_BSD_DISTRO_IDS = ['rhel', 'centos', 'oracle-linux', 'sles', 'opensuse', 'ubuntu', 'debian', 'freebsd'] as const;
export const OTHER_OS_IDS = ['aix', 'hp-ux', 'solaris-sparc', 'windows-rt', 'solaris-x86'] as const;
export const DISTRO_IDS = [...LINUX_AND_BSD_DISTRO_IDS, ...OTHER_OS_IDS] as const;
export const DistroId = z.enum(DISTRO_IDS);
export type DistroId = z.infer<typeof DistroId>;

export const IntegrationKind = z.enum(['built-in', 'download', 'ports', 'none']);
export type IntegrationKind = z.infer<typeof IntegrationKind>;

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' });

/** A record id: lowercase words joined by '-', ':', '.', '@' or '_'. */
export const RecordId = z.string().regex(/^[a-z0-9][a-z0-9.:@_+-]*$/, { error: 'expected a lowercase id (a-z, 0-9, . : @ _ + -)' });

import type { Confidence } from '../../guest-facts.ts';
import type { HostId } from '../../../knowledge/schema/ids.ts';

export interface HostBuild {
  hostId?: HostId;
  product: string;
  confidence: Confidence;
}

/**
 * Windows build numbers seen in "Hyper-V Host Build:" lines. Client releases that share a
 * server's Hyper-V map to that server (14393, 17763); others keep only a product name.
 * 26100 as Windows Server 2025 is not yet confirmed from a source: low confidence.
 */
const BUILDS: Record<number, HostBuild> = {
  6001: { product: 'Windows Server 2008', confidence: 'high' },
  6002: { product: 'Windows Server 2008 SP2', confidence: 'high' },
  7600: { hostId: '2008 R2', product: 'Windows Server 2008 R2', confidence: 'high' },
  7601: { hostId: '2008 R2', product: 'Windows Server 2008 R2 SP1', confidence: 'high' },
  9200: { hostId: '2012', product: 'Windows Server 2012', confidence: 'high' },
  9600: { hostId: '2012 R2', product: 'Windows Server 2012 R2', confidence: 'high' },
  10240: { product: 'Windows 10 version 1507', confidence: 'high' },
  10586: { product: 'Windows 10 version 1511', confidence: 'high' },
  14393: { hostId: '2016', product: 'Windows Server 2016', confidence: 'high' },
  15063: { product: 'Windows 10 version 1703', confidence: 'high' },
  16299: { product: 'Windows 10 version 1709 / Windows Server 1709', confidence: 'high' },
  17134: { product: 'Windows 10 version 1803 / Windows Server 1803', confidence: 'high' },
  17763: { hostId: '2019', product: 'Windows Server 2019', confidence: 'high' },
  18362: { product: 'Windows 10 version 1903 / Windows Server 1903', confidence: 'high' },
  18363: { product: 'Windows 10 version 1909 / Windows Server 1909', confidence: 'high' },
  20348: { hostId: '2022', product: 'Windows Server 2022', confidence: 'high' },
  26100: { hostId: '2025', product: 'Windows Server 2025', confidence: 'low' },
};

export function hostForBuild(build: number): HostBuild | undefined {
  const known = BUILDS[build];
  if (known) return known;
  if (build >= 19041 && build <= 19045) return { product: `Windows 10 (build ${build})`, confidence: 'high' };
  if (build >= 22000 && build < 26100) return { product: `Windows 11 (build ${build})`, confidence: 'medium' };
  return undefined;
}

/** KVP pool 3 HostingSystemOsMajor.Minor: 10.0 covers 2016 to 2025, so it names no host. */
export function hostForOsVersion(version: string): HostBuild | undefined {
  const byVersion: Record<string, HostBuild> = {
    '6.0': { product: 'Windows Server 2008', confidence: 'medium' },
    '6.1': { hostId: '2008 R2', product: 'Windows Server 2008 R2', confidence: 'medium' },
    '6.2': { hostId: '2012', product: 'Windows Server 2012', confidence: 'medium' },
    '6.3': { hostId: '2012 R2', product: 'Windows Server 2012 R2', confidence: 'medium' },
  };
  return byVersion[version];
}

/** The oldest host that negotiates a VMBus protocol version; only a lower bound for the host. */
export function hostAtLeastForVmbus(version: string): HostId | undefined {
  const table: Record<string, HostId> = {
    '1.1': '2008 R2',
    '2.4': '2012',
    '3.0': '2012 R2',
    '4.0': '2016',
    '4.1': '2016',
    '5.0': '2016',
    '5.1': '2016',
    '5.2': '2019',
    '5.3': '2022',
  };
  return table[version];
}

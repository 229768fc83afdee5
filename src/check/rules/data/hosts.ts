import { HOST_IDS, type HostId } from '../../../knowledge/schema/ids.ts';

/** A Hyper-V host release: the KB's server releases plus Windows Server 2008, which the KB has no id for. */
export type HostFamily = '2008' | HostId;

export const HOST_FAMILIES: readonly HostFamily[] = ['2008', ...HOST_IDS];

export function hostRank(host: HostFamily): number {
  return HOST_FAMILIES.indexOf(host);
}

export function hostName(host: HostFamily): string {
  return `Windows Server ${host}`;
}

/**
 * The newest VMBus protocol each host offers (from the kernel's hyperv.h version list).
 * 2025 is assumed to stay at 5.3 until a source says otherwise.
 */
export const HOST_MAX_VMBUS: Readonly<Record<HostFamily, string>> = {
  '2008': '0.13',
  '2008 R2': '1.1',
  '2012': '2.4',
  '2012 R2': '3.0',
  '2016': '4.0',
  '2019': '5.2',
  '2022': '5.3',
  '2025': '5.3',
};

/**
 * The oldest host a Windows build number can belong to. Client builds (Windows 10/11) only
 * give a lower bound, which is all the "host is at least" checks need.
 */
export function hostFloorForBuild(build: number): HostFamily | undefined {
  const steps: ReadonlyArray<readonly [number, HostFamily]> = [
    [26100, '2025'],
    [20348, '2022'],
    [17763, '2019'],
    [14393, '2016'],
    [9600, '2012 R2'],
    [9200, '2012'],
    [7600, '2008 R2'],
    [6001, '2008'],
  ];
  return steps.find(([min]) => build >= min)?.[1];
}

/** Compares dotted protocol versions such as "2.4" and "5.3". */
export function compareProtocol(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

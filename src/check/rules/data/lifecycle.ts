import type { GuestDistro } from '../../guest-facts.ts';
import type { HostFamily } from './hosts.ts';

/**
 * End-of-support dates the EOL rules compare against. Written by hand from the vendors'
 * lifecycle announcements as summarised in the project's guest-check design notes; they are
 * not re-verified here, so each entry says how sure we are. Dates are the end of standard
 * (maintenance) support: paid extended programmes (RHEL ELS, Ubuntu ESM, SUSE LTSS) run longer.
 * For Debian the date is the end of the community LTS period.
 */
export const LIFECYCLE_SOURCE = 'vendor lifecycle dates held in lisbot (src/check/rules/data/lifecycle.ts)';

export type LifecycleConfidence = 'high' | 'medium' | 'low';

export interface GuestLifecycle {
  readonly family: GuestDistro;
  /** A major release ("6", "12") or an exact release ("14.04"). */
  readonly release: string;
  readonly ends: string;
  readonly confidence: LifecycleConfidence;
  readonly note?: string;
}

export const GUEST_LIFECYCLE: readonly GuestLifecycle[] = [
  { family: 'rhel', release: '5', ends: '2017-03-31', confidence: 'high' },
  { family: 'rhel', release: '6', ends: '2020-11-30', confidence: 'high' },
  { family: 'rhel', release: '7', ends: '2024-06-30', confidence: 'high' },
  { family: 'rhel', release: '8', ends: '2029-05-31', confidence: 'medium' },
  { family: 'rhel', release: '9', ends: '2032-05-31', confidence: 'medium' },
  { family: 'centos', release: '5', ends: '2017-03-31', confidence: 'high' },
  { family: 'centos', release: '6', ends: '2020-11-30', confidence: 'high' },
  { family: 'centos', release: '7', ends: '2024-06-30', confidence: 'high' },
  { family: 'centos', release: '8', ends: '2021-12-31', confidence: 'high' },
  { family: 'oracle-linux', release: '6', ends: '2021-03-01', confidence: 'medium' },
  { family: 'oracle-linux', release: '7', ends: '2024-12-31', confidence: 'medium' },
  { family: 'oracle-linux', release: '8', ends: '2029-07-31', confidence: 'low' },
  { family: 'ubuntu', release: '12.04', ends: '2017-04-28', confidence: 'high' },
  { family: 'ubuntu', release: '14.04', ends: '2019-04-25', confidence: 'high' },
  { family: 'ubuntu', release: '16.04', ends: '2021-04-30', confidence: 'high' },
  { family: 'ubuntu', release: '18.04', ends: '2023-05-31', confidence: 'high' },
  { family: 'ubuntu', release: '20.04', ends: '2025-05-31', confidence: 'medium' },
  { family: 'ubuntu', release: '22.04', ends: '2027-04-30', confidence: 'low' },
  { family: 'ubuntu', release: '24.04', ends: '2029-04-30', confidence: 'low' },
  { family: 'debian', release: '7', ends: '2018-05-31', confidence: 'medium' },
  { family: 'debian', release: '8', ends: '2020-06-30', confidence: 'medium' },
  { family: 'debian', release: '9', ends: '2022-06-30', confidence: 'medium' },
  { family: 'debian', release: '10', ends: '2024-06-30', confidence: 'medium' },
  { family: 'debian', release: '11', ends: '2026-08-31', confidence: 'low' },
  {
    family: 'sles',
    release: '11',
    ends: '2019-03-31',
    confidence: 'medium',
    note: 'for the last service pack; earlier service packs ended sooner',
  },
  {
    family: 'sles',
    release: '12',
    ends: '2024-10-31',
    confidence: 'medium',
    note: 'for the last service pack; earlier service packs ended sooner',
  },
  { family: 'freebsd', release: '10', ends: '2018-10-31', confidence: 'high' },
  { family: 'freebsd', release: '11', ends: '2021-09-30', confidence: 'high' },
  { family: 'freebsd', release: '12', ends: '2023-12-31', confidence: 'high' },
  { family: 'freebsd', release: '13', ends: '2026-04-30', confidence: 'medium' },
];

export interface HostLifecycle {
  readonly host: HostFamily;
  readonly ends: string;
  readonly confidence: LifecycleConfidence;
}

/** End of extended support of each Hyper-V host release. */
export const HOST_LIFECYCLE: readonly HostLifecycle[] = [
  { host: '2008', ends: '2020-01-14', confidence: 'high' },
  { host: '2008 R2', ends: '2020-01-14', confidence: 'high' },
  { host: '2012', ends: '2023-10-10', confidence: 'high' },
  { host: '2012 R2', ends: '2023-10-10', confidence: 'high' },
  { host: '2016', ends: '2027-01-12', confidence: 'medium' },
  { host: '2019', ends: '2029-01-09', confidence: 'medium' },
  { host: '2022', ends: '2031-10-14', confidence: 'low' },
];

/** The entry for a guest release: an exact release first, then its major. */
export function guestLifecycle(family: GuestDistro, version: string): GuestLifecycle | undefined {
  const major = version.split(/[.\s]/, 1)[0] ?? version;
  return (
    GUEST_LIFECYCLE.find((e) => e.family === family && e.release === version) ??
    GUEST_LIFECYCLE.find((e) => e.family === family && e.release === major && !e.release.includes('.'))
  );
}

/** The last minor release of each finished RHEL-compatible major (CentOS 8 stopped at 8.5). */
export const FINAL_MINOR: Readonly<Partial<Record<GuestDistro, Readonly<Record<number, number>>>>> = {
  rhel: { 5: 11, 6: 10, 7: 9, 8: 10 },
  centos: { 5: 11, 6: 10, 7: 9, 8: 5 },
  'oracle-linux': { 5: 11, 6: 10, 7: 9, 8: 10 },
};

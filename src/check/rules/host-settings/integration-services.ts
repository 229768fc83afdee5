import type { GuestFacts } from '../../guest-facts.ts';

export type HostService = NonNullable<GuestFacts['vmSettings']>['value']['integrationServices'][number];

/** The guest side does not answer a service the host has switched on. */
export function noContact(service: HostService): boolean {
  return service.enabled !== false && /^(?:No Contact|Lost Communication)$/i.test(service.status ?? '');
}

export function named(services: readonly HostService[], name: string): HostService | undefined {
  return services.find((service) => service.name === name);
}

/** "the KVP and VSS services" */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

import type { GuestFacts } from '../../guest-facts.ts';
import { INTEGRATION_SERVICE_NAMES } from '../paste.ts';
import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import { stripUndefined } from './meta.ts';
import { linesOf, observe, safeInt, type Line } from './view.ts';

type VmSettings = NonNullable<GuestFacts['vmSettings']>['value'];
type Service = VmSettings['integrationServices'][number];

const SERVICE_ROW = new RegExp(`(?:^|\\s)(${INTEGRATION_SERVICE_NAMES.source})\\s+(True|False)\\b(.*)$`);
const STATUS = /^(?:OK|No Contact|Lost Communication|Degraded|Non-Recoverable Error|Error|Stopped|Unknown|Dormant)\b/i;
/** "Field : value" as Format-List prints it. */
const LIST_FIELD = /^\s*([A-Za-z]\w{0,40})\s*:\s*(.*?)\s*$/;
const MB = 1024 * 1024;
const MAX_MB = 64 * 1024 * 1024;

function trueFalse(text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  return undefined;
}

function statusOf(rest: string): string | undefined {
  const trimmed = rest.trim();
  if (trimmed === '') return undefined;
  return STATUS.exec(trimmed)?.[0] ?? trimmed.split(/\s{2,}/)[0];
}

/** Get-VMIntegrationService as a table (one row per service) or a list (Name, Enabled, PrimaryStatusDescription). */
function integrationServices(lines: readonly Line[]): Service[] {
  const byName = new Map<string, Service>();
  let listed: { name?: string; enabled?: boolean; status?: string } = {};
  const keep = (service: Service) => {
    if (!byName.has(service.name)) byName.set(service.name, stripUndefined(service));
  };
  const flush = () => {
    if (listed.name) keep({ name: listed.name, enabled: listed.enabled, status: listed.status });
    listed = {};
  };
  for (const { text } of lines) {
    const field = LIST_FIELD.exec(text);
    if (field) {
      const [, key, value] = field;
      if (key === 'Name' && INTEGRATION_SERVICE_NAMES.test(value ?? '')) {
        flush();
        listed.name = INTEGRATION_SERVICE_NAMES.exec(value ?? '')?.[0];
      } else if (key === 'Enabled') listed.enabled = trueFalse(value);
      else if (key === 'PrimaryStatusDescription') listed.status = value || undefined;
      continue;
    }
    const row = SERVICE_ROW.exec(text);
    if (row) keep({ name: row[1]!, enabled: trueFalse(row[2]), status: statusOf(row[3] ?? '') });
  }
  flush();
  return [...byName.values()];
}

function listFields(lines: readonly Line[]): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const { text } of lines) {
    const field = LIST_FIELD.exec(text);
    if (!field) continue;
    const values = fields.get(field[1]!) ?? [];
    values.push(field[2] ?? '');
    fields.set(field[1]!, values);
  }
  return fields;
}

function firmware(lines: readonly Line[]): Pick<VmSettings, 'secureBoot' | 'secureBootTemplate'> {
  const fields = listFields(lines);
  const onOff = (text: string | undefined): 'on' | 'off' | undefined =>
    text === undefined ? undefined : /^on$/i.test(text) ? 'on' : /^off$/i.test(text) ? 'off' : undefined;
  let secureBoot = onOff(fields.get('SecureBoot')?.[0]);
  let template = fields.get('SecureBootTemplate')?.[0] || undefined;
  if (secureBoot === undefined || template === undefined) {
    // The table: "web01  On  MicrosoftWindows  …" under "VMName SecureBoot SecureBootTemplate".
    for (const { text } of lines) {
      const row = /\s(On|Off)\s+(Microsoft\w{1,40}|OpenSource\w{1,40})\b/.exec(text);
      if (!row) continue;
      secureBoot ??= onOff(row[1]);
      template ??= row[2];
      break;
    }
  }
  return stripUndefined({ secureBoot, secureBootTemplate: template });
}

/** DynamicMacAddressEnabled, from a list or from a table that selected it ("… Network Adapter  True  00155D…"). */
function dynamicMac(lines: readonly Line[], fields: Map<string, string[]>): Pick<VmSettings, 'dynamicMac'> {
  const listed = fields.get('DynamicMacAddressEnabled')?.map(trueFalse);
  if (listed?.length) return listed.some((flag) => flag === true) ? { dynamicMac: true } : { dynamicMac: false };
  const header = lines.find(({ text }) => /\bDynamicMacAddressEnabled\b/.test(text))?.text;
  if (!header) return {};
  const rows = lines.filter(({ text }) => /Network Adapter\s+(?:True|False)\b/.test(text));
  if (rows.length === 0) return {};
  return { dynamicMac: rows.some(({ text }) => /Network Adapter\s+True\b/.test(text)) };
}

/** Get-VM's Generation, as a list ("Generation : 2") or a column a select or format asked for. */
function generationOf(lines: readonly Line[]): 1 | 2 | undefined {
  const listed = listFields(lines).get('Generation')?.[0];
  const value = listed ?? generationColumn(lines);
  return value === '1' ? 1 : value === '2' ? 2 : undefined;
}

function generationColumn(lines: readonly Line[]): string | undefined {
  const headerAt = lines.findIndex(({ text }) => /\bGeneration\b/.test(text) && !/:/.test(text));
  if (headerAt < 0) return undefined;
  const columns = lines[headerAt]!.text.trim().split(/\s+/);
  const at = columns.indexOf('Generation');
  const row = lines.slice(headerAt + 1).find(({ text }) => !/^[\s-]+$/.test(text) && text.trim() !== '');
  return row?.text.trim().split(/\s+/)[at];
}

function networkAdapters(lines: readonly Line[], fields: Map<string, string[]>): Pick<VmSettings, 'networkAdapters' | 'legacyAdapters'> {
  const legacyFlags = fields.get('IsLegacy')?.map(trueFalse) ?? [];
  if (legacyFlags.length > 0) {
    return { networkAdapters: legacyFlags.length, legacyAdapters: legacyFlags.filter((flag) => flag === true).length };
  }
  // The table names each adapter in its Name column: "Network Adapter" or "Legacy Network Adapter".
  const rows = lines.filter(({ text }) => /^\s*(?:Legacy )?Network Adapter\s/.test(text));
  if (rows.length === 0) return {};
  return { networkAdapters: rows.length, legacyAdapters: rows.filter(({ text }) => /^\s*Legacy /.test(text)).length };
}

function memory(lines: readonly Line[]): Pick<VmSettings, 'dynamicMemory' | 'minimumMb' | 'startupMb' | 'maximumMb'> {
  const fields = listFields(lines);
  const enabled = trueFalse(fields.get('DynamicMemoryEnabled')?.[0]);
  const megabytes = (name: string) => {
    const bytes = safeInt(fields.get(name)?.[0]);
    return bytes === undefined ? undefined : Math.round(bytes / MB);
  };
  if (enabled !== undefined) {
    return stripUndefined({
      dynamicMemory: enabled,
      minimumMb: megabytes('Minimum'),
      startupMb: megabytes('Startup'),
      maximumMb: megabytes('Maximum'),
    });
  }
  // The table: "web01  True  512  1024  1048576" under "VMName DynamicMemoryEnabled Minimum(M) Startup(M) Maximum(M)".
  for (const { text } of lines) {
    const row = /\s(True|False)\s+(\d{1,9})\s+(\d{1,9})\s+(\d{1,9})\s*$/.exec(text);
    if (!row) continue;
    return stripUndefined({
      dynamicMemory: trueFalse(row[1]),
      minimumMb: safeInt(row[2], MAX_MB),
      startupMb: safeInt(row[3], MAX_MB),
      maximumMb: safeInt(row[4], MAX_MB),
    });
  }
  return {};
}

/** What host-side PowerShell output shows of the VM's settings; nothing when none was pasted. */
export function vmSettingsFacts(sections: SectionMap): Pick<GuestFacts, 'vmSettings'> {
  const services = linesOf(sections, SECTION.hostIntegrationServices);
  const firmwareLines = linesOf(sections, SECTION.hostFirmware);
  const adapterLines = linesOf(sections, SECTION.hostNetworkAdapter);
  const memoryLines = linesOf(sections, SECTION.hostMemory);
  const vmLines = linesOf(sections, SECTION.hostVm);
  const all = [...services, ...firmwareLines, ...adapterLines, ...memoryLines, ...vmLines];
  if (all.length === 0) return {};
  const generation = generationOf(vmLines) ?? (firmwareLines.length > 0 ? 2 : undefined);
  const adapterFields = listFields(adapterLines);
  const settings: VmSettings = {
    integrationServices: integrationServices(services),
    ...firmware(firmwareLines),
    ...networkAdapters(adapterLines, adapterFields),
    ...dynamicMac(adapterLines, adapterFields),
    ...memory(memoryLines),
    ...(generation ? { generation } : {}),
  };
  const telling = all.filter(({ text }) => /\b(?:True|False|On|Off|No Contact|Lost Communication|Microsoft\w+)\b|^\s*\w+\s*:/.test(text));
  return { vmSettings: observe(settings, telling) };
}

// One tokenizer for the host lists in a matrix row's second column.
import { HOST_IDS, type HostId, type OtherHost } from '../schema/ids.ts';
import { breaksToCommas, cleanInline } from './text.ts';

export interface ParsedHosts {
  readonly hosts: HostId[];
  readonly otherHosts: OtherHost[];
  /** Pieces of the text that name no known host. */
  readonly unknown: string[];
}

const HOST_SET = new Set<string>(HOST_IDS);

/**
 * Reads "2019, 2016, 2012 R2", "2016,2012 R2", "Windows Server 2025, 2022, 2019, 2016<br/> Azure Stack HCI",
 * "WS/Hyper-V 2022,2019,2016,2012", "2008 R2", "2012R2" and "Azure Local" (the new name of Azure Stack HCI).
 * Hosts come back oldest first, without duplicates.
 */
export function parseHosts(raw: string): ParsedHosts {
  const otherHosts: OtherHost[] = [];
  let text = cleanInline(breaksToCommas(raw));
  text = text.replace(/\bAzure\s+(?:Stack\s+HCI|Local)(?:\s*,?\s*(?:version\s+)?\d\dH\d)?\b/gi, () => {
    if (!otherHosts.includes('Azure Stack HCI')) otherHosts.push('Azure Stack HCI');
    return ',';
  });
  text = text.replace(/\b(?:Microsoft\s+)?(?:Windows\s+Server|Hyper-V\s+Server|WS\s*\/\s*Hyper-V|Hyper-V|WS)\b/gi, ' ');
  const found = new Set<HostId>();
  const unknown: string[] = [];
  text = text.replace(/\b((?:19|20)\d\d)\s*(R2)?\b/gi, (whole: string, year: string, r2: string | undefined) => {
    const id = r2 ? `${year} R2` : year;
    if (HOST_SET.has(id)) found.add(id as HostId);
    else unknown.push(whole.trim());
    return ',';
  });
  for (const leftover of text.split(/[,;/&]|\band\b/i)) {
    const piece = leftover.trim();
    if (piece !== '') unknown.push(piece);
  }
  const hosts = HOST_IDS.filter((id) => found.has(id));
  return { hosts, otherHosts, unknown };
}

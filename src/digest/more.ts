/**
 * The "show all" value of a long digest: `digest:<from>:<to>:<filters>`, at most 45 characters, so it fits Slack
 * button values and Discord custom_ids (100) with room for a prefix. <from> and <to> are KB versions (12 hex digits,
 * resolved through the DigestArchive) or dates (YYYY-MM-DD, resolved from the dated history); <filters> is
 * filtersHash() of the subscription's filters, or "-" for none.
 */
export interface DigestMore {
  readonly from: string;
  readonly to: string;
  readonly filters: string;
}

const PART = /^(?:[0-9a-f]{12}|\d{4}-\d{2}-\d{2})$/;
const FILTERS = /^(?:-|[0-9a-f]{10})$/;

/** A baseline version as it goes into a value: "date:2024-01-01" → "2024-01-01". */
function part(version: string): string {
  return version.startsWith('date:') ? version.slice(5) : version;
}

export function encodeDigestMore(more: DigestMore): string | undefined {
  const from = part(more.from);
  const to = part(more.to);
  if (!PART.test(from) || !PART.test(to) || !FILTERS.test(more.filters)) return undefined;
  return `digest:${from}:${to}:${more.filters}`;
}

export function decodeDigestMore(value: string): DigestMore | undefined {
  if (value.length > 60) return undefined;
  const [kind, from, to, filters, ...rest] = value.split(':');
  if (kind !== 'digest' || rest.length || !from || !to || !filters) return undefined;
  if (!PART.test(from) || !PART.test(to) || !FILTERS.test(filters)) return undefined;
  return { from, to, filters };
}

export function isDate(part: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(part);
}

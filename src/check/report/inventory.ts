import type { KnowledgeBase } from '../../knowledge/index.ts';
import { csvRow } from '../inventory/csv-safe.ts';
import { parseInventory, type InventoryOptions, type InventoryRecord } from '../inventory/index.ts';
import type { Diagnostic } from '../parse/diagnostics.ts';
import { plain } from '../rules/helpers.ts';
import { checkFacts } from './check.ts';
import type { CheckOptions, CheckReport, Finding } from './check-report.ts';

/** One VM of an inventory: the same report as for one guest, plus its id. */
export type InventoryReport = { readonly vm_id: string | null } & CheckReport;

export type InventoryItem =
  | { readonly kind: 'vm'; readonly row: number; readonly report: InventoryReport }
  /** A line of the file that is no VM: bad JSON, an unclosed quote, the row cap, a missing header. */
  | { readonly kind: 'problem'; readonly row: number; readonly diagnostics: readonly Diagnostic[] };

type InventoryInput = Parameters<typeof parseInventory>[0];

function hasFacts(record: InventoryRecord): boolean {
  return record.vmId !== undefined || Object.keys(record.facts).length > 0;
}

/** Streams an inventory (CSV or JSON lines) and checks each VM as its row arrives. */
export async function* checkInventory(
  kb: KnowledgeBase,
  input: InventoryInput,
  options: CheckOptions & InventoryOptions = {},
): AsyncGenerator<InventoryItem> {
  const { maxRows, ...checkOptions } = options;
  for await (const record of parseInventory(input, maxRows !== undefined ? { maxRows } : {})) {
    if (!hasFacts(record)) {
      yield { kind: 'problem', row: record.row, diagnostics: record.diagnostics };
      continue;
    }
    const report = checkFacts(kb, record.facts, checkOptions, { diagnostics: record.diagnostics });
    yield { kind: 'vm', row: record.row, report: { vm_id: record.vmId ?? null, ...report } };
  }
}

export interface InventorySummary {
  readonly vms: number;
  readonly problems: number;
  readonly status: Record<CheckReport['status'], number>;
  readonly severity: Record<Finding['severity'], number>;
  /** Finding ids by how many VMs have them, most common first. */
  readonly top_findings: ReadonlyArray<{ readonly id: string; readonly vms: number }>;
  readonly diagnostics: readonly string[];
  readonly elapsed_ms: number;
}

const MAX_SUMMARY_DIAGNOSTICS = 20;

/** Counts reports as they stream past, for the closing summary line. */
export class InventoryTally {
  #vms = 0;
  #problems = 0;
  readonly #status: Record<CheckReport['status'], number> = { supported: 0, not_supported: 0, unknown: 0 };
  readonly #severity: Record<Finding['severity'], number> = { critical: 0, warning: 0, info: 0, tip: 0 };
  readonly #byId = new Map<string, number>();
  readonly #diagnostics: string[] = [];
  readonly #started = performance.now();

  add(item: InventoryItem): void {
    if (item.kind === 'problem') {
      // An unrecognised column is a notice about the file, not a skipped row.
      if (!item.diagnostics.every((d) => d.code === 'INPUT_UNKNOWN_COLUMN')) this.#problems++;
      for (const d of item.diagnostics) this.#note(`${d.code}: ${d.message} [line ${d.line ?? item.row}]`);
      return;
    }
    this.#vms++;
    this.#status[item.report.status]++;
    const ids = new Set<string>();
    for (const f of item.report.findings) {
      this.#severity[f.severity]++;
      ids.add(f.id);
    }
    for (const id of ids) this.#byId.set(id, (this.#byId.get(id) ?? 0) + 1);
    for (const d of item.report.input.diagnostics) if (d.startsWith('INPUT_CSV_FORMULA')) this.#note(d);
  }

  #note(text: string): void {
    if (this.#diagnostics.length < MAX_SUMMARY_DIAGNOSTICS) this.#diagnostics.push(plain(text, 300));
  }

  get vms(): number {
    return this.#vms;
  }

  summary(): InventorySummary {
    const top = [...this.#byId.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 15)
      .map(([id, vms]) => ({ id, vms }));
    return {
      vms: this.#vms,
      problems: this.#problems,
      status: { ...this.#status },
      severity: { ...this.#severity },
      top_findings: top,
      diagnostics: [...this.#diagnostics],
      elapsed_ms: Math.round(performance.now() - this.#started),
    };
  }
}

export const INVENTORY_CSV_HEADER = [
  'vm_id',
  'distro',
  'version',
  'kernel',
  'host',
  'integration',
  'status',
  'critical',
  'warning',
  'info',
  'tip',
  'findings',
] as const;

/** One CSV line for a VM's report; every cell passes through the formula neutraliser. */
export function inventoryCsvLine(report: InventoryReport): string {
  const count = (s: Finding['severity']) => report.findings.filter((f) => f.severity === s).length;
  const integration = report.integration
    ? `${report.integration.kind}${report.integration.package ? ` ${report.integration.package}` : ''}`
    : '';
  return csvRow([
    report.vm_id ?? '',
    report.guest.distro,
    report.guest.version,
    report.guest.kernel,
    report.host?.id,
    integration,
    report.status,
    count('critical'),
    count('warning'),
    count('info'),
    count('tip'),
    report.findings.map((f) => f.id).join(' '),
  ]);
}

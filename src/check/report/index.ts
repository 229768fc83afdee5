export type { CheckOptions, CheckReport, FeatureVerdict, Finding } from './check-report.ts';
export {
  checkBundle,
  checkFacts,
  checkPaste,
  evaluateBundle,
  evaluateFacts,
  type CheckResult,
  type InputSummary,
  type NamedGuest,
} from './check.ts';
export { reportToReply, guestLabel, hostLabel } from './reply.ts';
export { renderReportText } from './text.ts';
export { CheckReportSchema, FindingSchema, InventoryReportSchema } from './schema.ts';
export {
  checkInventory,
  inventoryCsvLine,
  InventoryTally,
  INVENTORY_CSV_HEADER,
  type InventoryItem,
  type InventoryReport,
  type InventorySummary,
} from './inventory.ts';

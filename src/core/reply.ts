import type { DistroId, FeatureId, HostId, IntegrationKind } from '../knowledge/schema/index.ts';

export const INTENTS = [
  'distro_support',
  'feature_support',
  'feature_info',
  'known_issue',
  'tip',
  'lis_version',
  'guest_check',
  'digest',
  'help',
  'unknown',
] as const;
export type Intent = (typeof INTENTS)[number];

/** A FeatureId, or dynamic memory as a whole (hot-add and ballooning together). */
export type FeatureEntity = FeatureId | 'dynamic-memory';

export interface Entities {
  distro?: DistroId;
  version?: string;
  feature?: FeatureEntity;
  host?: HostId;
  kernel?: 'rhck' | 'uek';
  /** A named LIS release: "4.1.3". */
  lis?: string;
  /** A named Oracle UEK release: "R3 QU1", "R5". */
  uek?: string;
  arch?: '32-bit' | '64-bit';
  /** Answer from the KB as it stood on this date (YYYY-MM-DD): "as of 2019", "in the 2016 docs". */
  asOf?: string;
}

export type Verdict = 'supported' | 'not_supported' | 'unknown';

export interface ReplySource {
  readonly id: string;
  readonly title: string;
  readonly url?: string;
}

export interface ReplyField {
  readonly label: string;
  readonly value: string;
}

export interface ReplyTable {
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

export type ActionKind = 'show-matrix' | 'check-vm' | 'choose' | 'feedback-up' | 'feedback-down' | 'show-more';

/** A button or suggested follow-up. `value` is what the bot receives back when it is chosen. */
export interface ReplyAction {
  readonly kind: ActionKind;
  readonly label: string;
  readonly value: string;
}

/**
 * A picture the adapters render and attach (see bot/attachments.ts), with alt text. The reply's text and table
 * carry the same facts, so they stand in wherever the picture cannot be shown or uploaded.
 */
export interface ReplyAttachment {
  readonly kind: 'matrix-picture';
  readonly family: DistroId;
  readonly host?: HostId;
  readonly asOf?: string;
  readonly filename: string;
  readonly altText: string;
}

/** The one platform-neutral answer every adapter renders. Text is plain; adapters escape and format it. */
export interface Reply {
  readonly intent: Intent;
  readonly answered: boolean;
  readonly entities: Entities;
  readonly title: string;
  readonly text: string;
  readonly fields: readonly ReplyField[];
  readonly table?: ReplyTable;
  readonly notes: readonly string[];
  readonly sources: readonly ReplySource[];
  readonly actions: readonly ReplyAction[];
  readonly attachments?: readonly ReplyAttachment[];
  readonly verdict?: Verdict;
  readonly integration?: { kind: IntegrationKind; package?: string };
}

export function reply(partial: Pick<Reply, 'intent' | 'title' | 'text'> & Partial<Reply>): Reply {
  return { answered: true, entities: {}, fields: [], notes: [], sources: [], actions: [], ...partial };
}

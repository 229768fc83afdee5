import { answerQuestion } from '../bot/answer.ts';
import type { ReplyPosters, ReplyTarget } from '../core/delivery.ts';
import { reply, type Reply, type Verdict } from '../core/reply.ts';
import { sourcesOf } from '../core/cite.ts';
import { describeChange } from '../knowledge/describe-change.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import { answerFacts, changedFacts, type FactChange } from './facts.ts';
import { channelKey, type AnswerLedger, type AnswerRecord } from './ledger.ts';

/** Corrections one channel gets from one KB version in one run; the rest wait for the next run. */
export const CORRECTIONS_PER_CHANNEL = 5;

export interface Correction {
  readonly entry: AnswerRecord;
  readonly answer: Reply;
  readonly changed: readonly FactChange[];
  readonly facts: readonly string[];
}

const VERDICT_WORDS: Record<Verdict, string> = { supported: 'yes, supported', not_supported: 'no, not supported', unknown: "I can't say" };

function integrationWords(integration: Reply['integration']): string {
  if (!integration) return '';
  return integration.kind === 'download' ? ` (${integration.package ?? 'LIS download'})` : ` (${integration.kind})`;
}

function sameIntegration(a: Reply['integration'], b: Reply['integration']): boolean {
  return (a?.kind ?? '') === (b?.kind ?? '') && (a?.package ?? '') === (b?.package ?? '');
}

/** Re-answers a recorded answer from a newer KB when a fact it rested on changed; a correction when the verdict or integration moved. */
export function examine(kb: KnowledgeBase, entry: AnswerRecord, now = Date.now()): Correction | undefined {
  const changed = changedFacts(kb, entry);
  if (changed.length === 0) return undefined;
  const { reply: answer } = answerQuestion(kb, entry.question, undefined, now, entry.entities.asOf ? { asOf: entry.entities.asOf } : {});
  const facts = answerFacts(kb, answer);
  if (answer.verdict === entry.verdict && sameIntegration(answer.integration, entry.integration)) return undefined;
  return { entry, answer, changed, facts };
}

/** The short message posted in the original thread: what changed, the new answer, and the page that changed it. */
export function correctionReply(kb: KnowledgeBase, correction: Correction): Reply {
  const { entry, answer, changed } = correction;
  const page = changed[0]!.page;
  const what = changed
    .flatMap((c) => c.changes)
    .slice(0, 2)
    .map((change) => describeChange(kb, change))
    .join('; ');
  const before = `${entry.verdict ? VERDICT_WORDS[entry.verdict] : 'an answer'}${integrationWords(entry.integration)}`;
  const after = `${answer.verdict ? VERDICT_WORDS[answer.verdict] : 'see below'}${integrationWords(answer.integration)}`;
  const firstLine = answer.text.split('\n')[0]!.slice(0, 400);
  return reply({
    intent: answer.intent,
    title: `Correction: ${answer.title}`.slice(0, 150),
    text: `Earlier I answered "${entry.question.slice(0, 200)}": ${before}. The ${page.era} version of the ${page.page} page changed that${what ? ` (${what})` : ''}. Now: ${after}. ${firstLine}`,
    entities: answer.entities,
    ...(answer.verdict ? { verdict: answer.verdict } : {}),
    ...(answer.integration ? { integration: answer.integration } : {}),
    sources: sourcesOf(kb, [page.source]),
  });
}

export interface CorrectionRun {
  readonly posted: number;
  /** Corrections another worker or replica had already claimed. */
  readonly claimedElsewhere: number;
  /** Held back by the per-channel limit, for the next run. */
  readonly deferred: number;
  /** Entries whose facts moved but whose answer stands (now recorded against the new KB). */
  readonly unchanged: number;
  readonly failed: number;
}

export interface CorrectionOptions {
  readonly kb: KnowledgeBase;
  readonly ledger: AnswerLedger;
  readonly posters: ReplyPosters;
  readonly perChannel?: number;
  readonly log?: (message: string) => void;
  readonly now?: () => number;
}

/**
 * After a new KB version: every recorded answer in an opted-in channel whose facts changed is answered again;
 * where the verdict or integration changed, one correction goes to its thread. A SET NX claim per answer and
 * KB version makes that exactly once across replicas and workers.
 */
export async function runCorrections(options: CorrectionOptions): Promise<CorrectionRun> {
  const { kb, ledger, posters } = options;
  const limit = options.perChannel ?? CORRECTIONS_PER_CHANNEL;
  const counts = new Map<string, number>();
  const run = { posted: 0, claimedElsewhere: 0, deferred: 0, unchanged: 0, failed: 0 };
  for (const entry of await ledger.entries()) {
    if (entry.kbVersion === kb.version || !(await ledger.correctionsOn(entry.target))) continue;
    const correction = examine(kb, entry, options.now?.());
    if (!correction) {
      if (changedFacts(kb, entry).length > 0) {
        run.unchanged++;
        const { reply: answer } = answerQuestion(
          kb,
          entry.question,
          undefined,
          Date.now(),
          entry.entities.asOf ? { asOf: entry.entities.asOf } : {},
        );
        await ledger.replace({ ...entry, facts: answerFacts(kb, answer), kbVersion: kb.version });
      }
      continue;
    }
    const channel = channelKey(entry.target);
    if ((counts.get(channel) ?? 0) >= limit) {
      run.deferred++;
      continue;
    }
    if (!(await ledger.claim(`${entry.id}:${kb.version}`))) {
      run.claimedElsewhere++;
      continue;
    }
    counts.set(channel, (counts.get(channel) ?? 0) + 1);
    const poster = posters[entry.target.platform];
    try {
      if (!poster) throw new Error(`no ${entry.target.platform} poster configured`);
      await poster.post(entry.target, correctionReply(kb, correction));
      run.posted++;
      await ledger.replace({
        ...entry,
        verdict: correction.answer.verdict,
        integration: correction.answer.integration,
        facts: correction.facts,
        kbVersion: kb.version,
      });
    } catch (error) {
      run.failed++;
      options.log?.(`correction for ${entry.id} failed: ${String(error)}`);
    }
  }
  return run;
}

/** What would be corrected between two KBs, without posting or claiming: for `lisbot corrections preview`. */
export function previewCorrections(kb: KnowledgeBase, entries: readonly AnswerRecord[]): Correction[] {
  return entries.map((entry) => examine(kb, entry)).filter((c): c is Correction => c !== undefined);
}

/** A ledger entry for an answer just posted. */
export function answerRecord(
  kb: KnowledgeBase,
  target: ReplyTarget,
  question: string,
  answer: Reply,
  id: string,
  at = new Date(),
): AnswerRecord {
  return {
    id,
    target,
    question: question.slice(0, 500),
    entities: answer.entities,
    ...(answer.verdict ? { verdict: answer.verdict } : {}),
    ...(answer.integration ? { integration: answer.integration } : {}),
    facts: answerFacts(kb, answer),
    kbVersion: kb.version,
    at: at.toISOString(),
  };
}

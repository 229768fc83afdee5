import { writeLine, type CliCommand } from '../command.ts';
import type { FeedbackRecord } from '../../core/feedback-store.ts';
import { createInfrastructure } from '../../runtime/infrastructure.ts';

/**
 * One line per record in the shape of test/eval/questions.jsonl, with what a maintainer must fill in
 * left empty: a declined question becomes a candidate case with no expected intent yet.
 */
export function feedbackToEvalLine(record: FeedbackRecord): Record<string, unknown> {
  return {
    question: record.question,
    intent: record.kind === 'declined' ? 'unknown' : record.intent,
    entities: {},
    answered: record.kind === 'up',
    tags: [`feedback-${record.kind}`, record.platform],
    feedback: { kind: record.kind, answeredIntent: record.intent, sources: record.sources, at: record.at, userHash: record.userHash },
  };
}

export const feedbackExportCommand: CliCommand = {
  name: 'feedback export',
  usage: 'lisbot feedback export [--kind up|down|declined]',
  details:
    'Reads the feedback store in Redis (REDIS_URL); without Redis, feedback lives only in the running process and there is nothing to export.',
  options: { kind: { type: 'string' } },
  async run(args, io) {
    const infra = createInfrastructure(io.env);
    try {
      if (!infra.redis) {
        writeLine(
          io.stderr,
          'REDIS_URL is not set: feedback is kept in memory by the running bot, so there is nothing to export from here.',
        );
        return 1;
      }
      const kind = typeof args.values.kind === 'string' ? args.values.kind : undefined;
      const records = (await infra.feedback.all()).filter((r) => !kind || r.kind === kind);
      for (const record of records) writeLine(io.stdout, JSON.stringify(feedbackToEvalLine(record)));
      writeLine(io.stderr, `${records.length} record(s) exported`);
      return 0;
    } finally {
      await infra.close();
    }
  },
};

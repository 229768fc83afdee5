import { UsageError, flag, stringOption, writeLine, type CliCommand } from '../command.ts';
import { answerQuestion } from '../../bot/answer.ts';
import { answerRecord, previewCorrections, type Correction } from '../../corrections/correct.ts';
import type { AnswerRecord } from '../../corrections/ledger.ts';
import { RedisAnswerLedger } from '../../corrections/redis-ledger.ts';
import { knowledgeAsOf } from '../../knowledge/as-of.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import { createInfrastructure } from '../../runtime/infrastructure.ts';
import { knowledgeBase } from './kb-context.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function point(kb: KnowledgeBase, name: string, value: string | undefined): { kb: KnowledgeBase; version?: string; date?: string } {
  if (value === undefined) return { kb };
  if (DATE.test(value) && !Number.isNaN(Date.parse(value))) return { kb: knowledgeAsOf(kb, value), date: value };
  if (/^[0-9a-f]{12}$/.test(value)) return { kb, version: value };
  throw new UsageError(
    `--${name} takes a KB version (12 hex digits, as kb status shows) or a date YYYY-MM-DD, not "${value.slice(0, 40)}".`,
  );
}

/** As of a date, the recorded questions are answered again from the KB as it stood then: that is the "before". */
function asAnsweredOn(kb: KnowledgeBase, entry: AnswerRecord): AnswerRecord {
  const { reply } = answerQuestion(kb, entry.question);
  return answerRecord(kb, entry.target, entry.question, reply, entry.id, new Date(entry.at));
}

function line(correction: Correction): string {
  const { entry, answer, changed } = correction;
  const where = `${entry.target.platform}:${entry.target.channel}${entry.target.thread ? `/${entry.target.thread}` : ''}`;
  const page = changed[0]?.page;
  return `${entry.id}  ${where}  "${entry.question.slice(0, 80)}"  ${entry.verdict ?? '-'}${entry.integration ? ` (${entry.integration.package ?? entry.integration.kind})` : ''} → ${answer.verdict ?? '-'}${answer.integration ? ` (${answer.integration.package ?? answer.integration.kind})` : ''}  changed by ${page ? `${page.id}` : 'a newer page'}`;
}

export const correctionsPreviewCommand: CliCommand = {
  name: 'corrections preview',
  summary: 'List the recorded answers a KB change would correct, without posting anything.',
  usage: 'lisbot corrections preview --from KBVERSION|DATE [--to KBVERSION|DATE] [--json]',
  details:
    'Reads the answer ledger in Redis (REDIS_URL). --from a KB version takes the answers recorded at that version as they were given; --from a date gives every recorded question again from the KB as it stood then. --to (default: the current KB) is a date or the current KB version.',
  options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, 'ledger-prefix': { type: 'string' } },
  async run(args, io) {
    const kb = knowledgeBase(io.env);
    const fromText = stringOption(args, 'from');
    if (!fromText) throw new UsageError('Give --from KBVERSION|DATE: the KB the answers were given from.');
    const from = point(kb, 'from', fromText);
    const to = point(kb, 'to', stringOption(args, 'to'));
    if (to.version && to.version !== kb.version)
      throw new UsageError(`--to ${to.version} is not the current KB version (${kb.version}); give a date instead.`);
    const infra = createInfrastructure(io.env);
    try {
      if (!infra.redis) {
        writeLine(
          io.stderr,
          "REDIS_URL is not set: the answer ledger lives in the running bot's memory, so there is nothing to preview from here.",
        );
        return 1;
      }
      const ledger = new RedisAnswerLedger(infra.redis, stringOption(args, 'ledger-prefix') ?? 'lisbot:answers:');
      const recorded = await ledger.entries();
      const before = from.version ? recorded.filter((e) => e.kbVersion === from.version) : recorded.map((e) => asAnsweredOn(from.kb, e));
      const corrections = previewCorrections(to.kb, before);
      if (flag(args, 'json')) {
        for (const c of corrections)
          writeLine(
            io.stdout,
            JSON.stringify({
              id: c.entry.id,
              target: c.entry.target,
              question: c.entry.question,
              before: { verdict: c.entry.verdict, integration: c.entry.integration },
              after: { verdict: c.answer.verdict, integration: c.answer.integration },
              page: c.changed[0]?.page.id,
            }),
          );
      } else {
        for (const c of corrections) writeLine(io.stdout, line(c));
      }
      writeLine(
        io.stderr,
        `${corrections.length} of ${before.length} recorded answer(s) would be corrected (${fromText} → ${stringOption(args, 'to') ?? `current KB ${kb.version}`}).`,
      );
      return 0;
    } finally {
      await infra.close();
    }
  },
};

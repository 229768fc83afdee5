import { createInterface } from 'node:readline';
import { UsageError, flag, writeLine, type CliCommand, type CliIo } from '../command.ts';
import { renderPlainText } from '../../adapters/console/render-plain.ts';
import { answerQuestion } from '../../bot/answer.ts';
import { cleanQuestion } from '../../bot/text.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import { toAskJson } from '../ask-json.ts';
import { dateOption, knowledgeBase } from './kb-context.ts';

function answerLine(kb: KnowledgeBase, question: string, json: boolean, asOf?: string): string {
  const { reply } = answerQuestion(kb, question, undefined, Date.now(), asOf ? { asOf } : {});
  return json ? JSON.stringify(toAskJson(cleanQuestion(question), reply)) : renderPlainText(reply);
}

/** One question per line from standard input; blank lines are skipped; answers come out in order. */
async function answerStdin(kb: KnowledgeBase, io: CliIo, json: boolean, asOf?: string): Promise<number> {
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  const out: string[] = [];
  let answered = 0;
  for await (const line of rl) {
    if (!line.trim()) continue;
    answered++;
    out.push(answerLine(kb, line, json, asOf));
    if (out.length >= 256) io.stdout.write(`${out.splice(0).join('\n')}\n`);
  }
  if (out.length) io.stdout.write(`${out.join('\n')}\n`);
  return answered;
}

export const askCommand: CliCommand = {
  name: 'ask',
  usage: 'lisbot ask [--json] [--as-of YYYY-MM-DD] ["QUESTION"]',
  details:
    'With --json each answer is one JSON object on one line: question, intent, answered, entities, verdict, integration, text, sources.\nWithout a question, questions are read from standard input, one per line.\n--as-of answers from the knowledge base as it stood on that date (the page versions published by then); a phrase in the question such as "as of 2019" or "in the 2016 docs" does the same.',
  options: { json: { type: 'boolean' }, 'as-of': { type: 'string' } },
  async run(args, io) {
    const json = flag(args, 'json');
    const asOf = dateOption(args, 'as-of');
    const question = args.positionals.join(' ');
    if (args.positionals.length > 0 && !cleanQuestion(question))
      throw new UsageError('The question is empty: ask something, e.g. lisbot ask "does rhel 6.2 need lis?"');
    const kb = knowledgeBase(io.env);
    if (question.trim()) {
      writeLine(io.stdout, answerLine(kb, question, json, asOf));
      return 0;
    }
    if (io.stdin.isTTY) {
      writeLine(
        io.stderr,
        'Give a question, e.g. lisbot ask "does rhel 6.2 need lis?", or pipe questions in, one per line. For a chat, run "lisbot start".',
      );
      return 2;
    }
    if ((await answerStdin(kb, io, json, asOf)) === 0) {
      writeLine(io.stderr, 'No questions on standard input (one per line).');
      return 2;
    }
    return 0;
  },
};

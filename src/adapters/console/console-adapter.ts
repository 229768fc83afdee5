import { createInterface } from 'node:readline';
import { performAction } from '../../bot/actions.ts';
import type { Bot } from '../../bot/bot.ts';
import type { Reply } from '../../core/reply.ts';
import { renderPlainText } from './render-plain.ts';

export interface ConsoleOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly terminal?: boolean;
}

const GREETING = 'lisbot — ask about Linux and FreeBSD guests on Hyper-V. Type "help" for examples, a number to press a button, "quit" to leave.';

/** An interactive terminal chat: one conversation, numbered buttons, readline history. */
export async function runConsole(bot: Bot, options: ConsoleOptions): Promise<void> {
  const rl = createInterface({ input: options.input, output: options.output, terminal: options.terminal ?? false, historySize: 200, prompt: 'lisbot> ' });
  const write = (text: string) => options.output.write(`${text}\n`);
  const conversation = `console:${process.pid}`;
  let lastReply: Reply | undefined;
  write(GREETING);
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === 'quit' || text === 'exit' || text === ':q') break;
    if (text) {
      const button = /^\d{1,2}$/.test(text) ? lastReply?.actions[Number(text) - 1] : undefined;
      const reply = button
        ? await performAction(bot, button, { conversation, platform: 'console' })
        : (await bot.ask({ text, conversation, platform: 'console' })).reply;
      if (reply) {
        lastReply = reply;
        write(`\n${renderPlainText(reply, { actions: true })}\n`);
      } else {
        write('That button does nothing here.');
      }
    }
    rl.prompt();
  }
  rl.close();
}

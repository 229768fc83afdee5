import { createInterface } from 'node:readline';
import type { Bot } from '../../bot/bot.ts';
import type { Reply } from '../../core/reply.ts';
import { renderPlainText } from './render-plain.ts';

export interface ConsoleOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly terminal?: boolean;
}

const GREETING =
  'lisbot — ask about Linux and FreeBSD guests on Hyper-V. Type "help" for examples, a number to press a button, "check PATH" to check a collector output file, "quit" to leave.';
/** The chat's "how do I check my VM" answer speaks of uploads; here a path is how a file arrives. */
const CONSOLE_UPLOAD_HINT = 'In this terminal chat, type "check PATH" (or paste the path of lischeck.txt) to check the file.';

/**
 * An interactive terminal chat: one conversation, numbered buttons, readline history. The bot may still be loading
 * (the KB, the settings): the prompt comes first, and the first question waits for it.
 */
export async function runConsole(bot: Bot | Promise<Bot>, options: ConsoleOptions): Promise<void> {
  const rl = createInterface({
    input: options.input,
    output: options.output,
    terminal: options.terminal ?? false,
    historySize: 200,
    prompt: 'lisbot> ',
  });
  const write = (text: string) => options.output.write(`${text}\n`);
  const conversation = `console:${process.pid}`;
  let lastReply: Reply | undefined;
  write(GREETING);
  rl.prompt();
  // Loaded behind the prompt: they bring the bot's handlers and the checks, which take longer than a first keystroke.
  const ready = Promise.all([bot, import('../../bot/actions.ts'), import('./check-file.ts')]);
  // If the bot cannot start (a bad setting), the chat ends; the caller reports why.
  ready.catch(() => rl.close());
  for await (const line of rl) {
    const text = line.trim();
    if (text === 'quit' || text === 'exit' || text === ':q') break;
    if (text) {
      const [loaded, { performAction }, { checkFileText, checkRequest }] = await ready;
      // "check PATH" is checked here: a terminal has no uploads, but it has the file.
      const fileCheck = checkRequest(text);
      if (fileCheck) {
        write(`\n${checkFileText(loaded.kb, fileCheck.path)}`);
      } else {
        const button = /^\d{1,2}$/.test(text) ? lastReply?.actions[Number(text) - 1] : undefined;
        const reply = button
          ? await performAction(loaded, button, { conversation, platform: 'console' })
          : (await loaded.ask({ text, conversation, platform: 'console' })).reply;
        if (reply) {
          lastReply = reply;
          const hint = /\bupload\b/i.test(reply.text) && reply.intent === 'guest_check' ? `\n${CONSOLE_UPLOAD_HINT}` : '';
          write(`\n${renderPlainText(reply, { actions: true })}${hint}\n`);
        } else {
          write('That button does nothing here.');
        }
      }
    }
    rl.prompt();
  }
  rl.close();
}

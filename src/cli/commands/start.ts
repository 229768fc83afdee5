import { writeLine, type CliCommand } from '../command.ts';
import { runConsole } from '../../adapters/console/console-adapter.ts';
import { Bot } from '../../bot/bot.ts';
import { knowledgeBase } from './kb-context.ts';

export const startCommand: CliCommand = {
  name: 'start',
  summary: 'Start lisbot: the chat adapters that are configured, or else an interactive terminal chat.',
  usage: 'lisbot start',
  details: 'With no Slack or Discord settings in the environment this is a terminal chat that needs no Redis and no tokens.',
  async run(_args, io) {
    const kb = knowledgeBase(io.env);
    const bot = new Bot(() => kb);
    await runConsole(bot, { input: io.stdin, output: io.stdout, terminal: io.stdin.isTTY === true });
    writeLine(io.stdout, 'Bye.');
    return 0;
  },
};

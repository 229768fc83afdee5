import { flag, writeLine, type CliCommand } from '../command.ts';
import { kbStats } from '../../knowledge/stats.ts';
import { knowledgeBase } from './kb-context.ts';

export const kbStatsCommand: CliCommand = {
  name: 'kb stats',
  usage: 'lisbot kb stats [--json]',
  options: { json: { type: 'boolean' } },
  run(args, io) {
    const stats = kbStats(knowledgeBase(io.env));
    if (flag(args, 'json')) {
      writeLine(io.stdout, JSON.stringify(stats));
    } else {
      const width = Math.max(...Object.keys(stats).map((k) => k.length));
      for (const [key, value] of Object.entries(stats)) writeLine(io.stdout, `${key.padEnd(width)}  ${value}`);
    }
    return Promise.resolve(0);
  },
};

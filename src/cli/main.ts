import { parseArgs } from 'node:util';
import { UsageError, writeLine, type CliCommand, type CliIo } from './command.ts';
import { COMMANDS, type CommandEntry } from './registry.ts';

/** Command names are one or two words at the start of argv: "ask", "kb show". */
function findCommand(argv: readonly string[]): { command: CommandEntry; rest: string[] } | undefined {
  const [first, second] = argv;
  const twoWords = COMMANDS.find((c) => c.name === `${first} ${second}`);
  if (twoWords) return { command: twoWords, rest: argv.slice(2) };
  const oneWord = COMMANDS.find((c) => c.name === first);
  return oneWord ? { command: oneWord, rest: argv.slice(1) } : undefined;
}

function overview(prefix?: string): string {
  const listed = COMMANDS.filter((c) => !prefix || c.name.startsWith(`${prefix} `));
  const width = Math.max(...listed.map((c) => c.name.length));
  return [
    `Usage: lisbot ${prefix ? `${prefix} ` : ''}<command> [options]`,
    '',
    'Commands:',
    ...listed.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Run "lisbot <command> --help" for a command's options.`,
  ].join('\n');
}

function help(command: CliCommand, summary: string): string {
  const options = Object.entries(command.options ?? {}).map(
    ([name, o]) => `  --${name}${o.type === 'string' ? ' VALUE' : ''}${o.short ? ` (-${o.short})` : ''}`,
  );
  return [
    `Usage: ${command.usage}`,
    '',
    summary,
    ...(command.details ? ['', command.details] : []),
    ...(options.length ? ['', 'Options:', ...options, '  --help'] : ['', 'Options:', '  --help']),
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    writeLine(io.stdout, overview());
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = argv[0] && COMMANDS.some((c) => c.name.startsWith(`${argv[0]} `)) ? argv[0] : undefined;
    if (group) {
      const asked = argv.includes('--help') || argv.includes('-h') || argv.length === 1;
      writeLine(asked ? io.stdout : io.stderr, `${asked ? '' : `Unknown command: lisbot ${argv.join(' ')}\n\n`}${overview(group)}`);
      return asked ? 0 : 2;
    }
    writeLine(io.stderr, `Unknown command: ${argv[0]}\n\n${overview()}`);
    return 2;
  }
  const { rest } = found;
  const command = await found.command.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    writeLine(io.stdout, help(command, found.command.summary));
    return 0;
  }
  try {
    const parsed = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
    return await command.run({ values: parsed.values, positionals: parsed.positionals }, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      writeLine(io.stderr, `${error.message}\nUsage: ${command.usage}\nRun "lisbot ${command.name} --help" for more.`);
      return 2;
    }
    // By name, not instanceof: importing the class would load zod for every command, --help included.
    if (error instanceof Error && error.name === 'KbValidationError') {
      writeLine(io.stderr, `The knowledge base failed validation: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

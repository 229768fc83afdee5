import { PassThrough, Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from '../../src/cli/command.ts';
import { runCli } from '../../src/cli/main.ts';
import { COMMANDS } from '../../src/cli/registry.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly stdin?: string | Buffer | NodeJS.ReadableStream;
  /** Called with each chunk the command writes to stdout, while it runs. */
  readonly onStdout?: (chunk: string) => void;
  /** Pretend stderr is a terminal (for the progress bar). */
  readonly stderrTty?: boolean;
}

/**
 * Runs `lisbot <args>` with captured streams. Through runCli when the command is registered;
 * until then through the command's own run(), parsing options the way runCli does.
 */
export async function runCommand(command: CliCommand, args: string[], options: RunOptions = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough() as PassThrough & { isTTY?: boolean };
  if (options.stderrTty) stderr.isTTY = true;
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => {
    out.push(c);
    options.onStdout?.(c.toString());
  });
  stderr.on('data', (c: Buffer) => err.push(c));
  const given = options.stdin;
  const stdin = (
    given !== undefined && typeof given !== 'string' && !Buffer.isBuffer(given)
      ? given
      : Readable.from(given === undefined ? [] : [Buffer.from(given)])
  ) as NodeJS.ReadableStream & { isTTY?: boolean };
  const io = { stdout, stderr, stdin, env: { LISBOT_STATE_DIR: '/nonexistent-lisbot-state' } };
  let code: number;
  if (COMMANDS.some((c) => c.name === command.name)) {
    code = await runCli([command.name, ...args], io);
  } else {
    try {
      const parsed = parseArgs({ args, options: command.options ?? {}, allowPositionals: true, strict: true });
      code = await command.run({ values: parsed.values, positionals: parsed.positionals }, io);
    } catch (error) {
      if (
        !(error instanceof UsageError) &&
        !(error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
      )
        throw error;
      stderr.write(`${error.message}\nUsage: ${command.usage}\n`);
      code = 2;
    }
  }
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

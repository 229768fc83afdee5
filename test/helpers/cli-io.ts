import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/main.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real CLI entry with captured streams and a given environment and standard input. */
export async function runLisbot(args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c));
  stderr.on('data', (c: Buffer) => chunks.err.push(c));
  const stdin = Readable.from([options.stdin ?? '']) as NodeJS.ReadableStream & { isTTY?: boolean };
  const code = await runCli(args, { stdout, stderr, stdin, env: { LISBOT_STATE_DIR: '/nonexistent-lisbot-state', ...options.env } });
  return { code, stdout: Buffer.concat(chunks.out).toString(), stderr: Buffer.concat(chunks.err).toString() };
}

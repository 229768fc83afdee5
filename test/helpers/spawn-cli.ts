import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'lisbot.js');
const MODULE_LOG_HOOK = join(import.meta.dirname, 'module-log', 'register.mjs');

export interface SpawnedRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The URLs of every module the process resolved (with `logModules`). */
  readonly modules: readonly string[];
}

export interface SpawnOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly stdin?: string;
  /** The script to run instead of bin/lisbot.js (the built dist/lisbot.js). */
  readonly entry?: string;
  readonly logModules?: boolean;
  readonly timeoutMs?: number;
}

/** Runs lisbot in a child process, as a user does; with `logModules`, records which modules it loaded. */
export async function spawnLisbot(args: readonly string[], options: SpawnOptions = {}): Promise<SpawnedRun> {
  const logDir = options.logModules ? mkdtempSync(join(tmpdir(), 'lisbot-modules-')) : undefined;
  const log = logDir ? join(logDir, 'modules.txt') : undefined;
  const nodeArgs = [...(log ? ['--import', MODULE_LOG_HOOK] : []), options.entry ?? BIN, ...args];
  const child = spawn(process.execPath, nodeArgs, {
    cwd: options.cwd ?? ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LISBOT_STATE_DIR: '/nonexistent-lisbot-state',
      ...options.env,
      ...(log ? { LISBOT_MODULE_LOG: log } : {}),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  child.stdin.end(options.stdin ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  let modules: string[] = [];
  if (log && logDir) {
    try {
      modules = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    } catch {
      modules = [];
    }
    rmSync(logDir, { recursive: true, force: true });
  }
  return { code, stdout, stderr, modules };
}

/** Whether a package (e.g. "discord.js", "@slack/bolt") is among the loaded modules. */
export function loadedPackage(modules: readonly string[], name: string): boolean {
  return modules.some((url) => url.includes(`/node_modules/${name}/`));
}

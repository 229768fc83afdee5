import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Reads `.env` from the working directory (or the file LISBOT_ENV_FILE names) into `env`. A variable already in
 * the environment wins, even when it is empty: the real environment is the override, the file the default.
 * Returns the path read, or undefined when there is no such file.
 */
export function loadDotEnv(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string | undefined {
  const path = env.LISBOT_ENV_FILE?.trim() || join(cwd, '.env');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !env.LISBOT_ENV_FILE) return undefined;
    throw new Error(`Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { cause: error });
  }
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] === undefined) env[name] = value;
  }
  return path;
}

import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where lisbot keeps what the user imports or syncs (KB layers, feedback): LISBOT_STATE_DIR or ~/.lisbot. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.LISBOT_STATE_DIR?.trim();
  return configured ? configured : join(homedir(), '.lisbot');
}

export function userKbDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(stateDir(env), 'kb');
}

import { writeLine, type CliCommand } from '../command.ts';
import { ConfigError } from '../../config/errors.ts';
import { createInfrastructure, type Infrastructure } from '../../runtime/infrastructure.ts';
import { runWorkerRole } from '../../runtime/worker-role.ts';

export const workerCommand: CliCommand = {
  name: 'worker',
  usage: 'lisbot worker',
  details: [
    'Needs REDIS_URL, and Slack (SLACK_BOT_TOKEN) or Discord (DISCORD_TOKEN, DISCORD_APPLICATION_ID) settings to post reports.',
    'Settings: WORKER_CONCURRENCY (4), CHECK_JOB_TIMEOUT_MS (30000), CHECK_JOB_ATTEMPTS (3), JOB_BACKOFF_MS (2000),',
    'JOB_LOCK_DURATION_MS (30000), JOB_STALLED_INTERVAL_MS (15000), UPLOAD_TTL_SECONDS (3600), WORKER_SHUTDOWN_TIMEOUT_MS (10000).',
    'On SIGTERM or SIGINT running jobs may finish for WORKER_SHUTDOWN_TIMEOUT_MS; the rest go back to the queue.',
  ].join('\n'),
  async run(_args, io) {
    let infra: Infrastructure | undefined;
    try {
      infra = createInfrastructure(io.env, { logDestination: io.stderr });
      await runWorkerRole(io.env, infra);
      return 0;
    } catch (error) {
      if (error instanceof ConfigError) {
        writeLine(io.stderr, error.message);
        return 1;
      }
      throw error;
    } finally {
      await infra?.close();
    }
  },
};

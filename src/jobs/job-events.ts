import { EventEmitter } from 'node:events';

export interface JobEnded {
  readonly queue: string;
  readonly state: 'completed' | 'failed';
}

/**
 * Every queue in the process reports here when a job ends for good (completed, or failed after its last attempt);
 * the runtime counts them in lisbot_jobs_total. The queues know nothing of metrics.
 */
export const jobEvents = new EventEmitter<{ ended: [JobEnded] }>();

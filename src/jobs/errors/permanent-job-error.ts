/**
 * A job failed in a way no retry can fix (the channel is gone, the input can never be read). Both queues move the
 * job straight to failed: BullJobQueue as BullMQ's UnrecoverableError, InProcessJobQueue by not scheduling a retry.
 */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

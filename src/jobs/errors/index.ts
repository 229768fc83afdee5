export { DeliveryPendingError } from './delivery-pending-error.ts';
export { JobTimeoutError } from './job-timeout-error.ts';
export { PermanentJobError } from './permanent-job-error.ts';

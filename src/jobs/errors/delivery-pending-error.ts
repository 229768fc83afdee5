/**
 * Another attempt of the same job claimed the delivery and has not said how its post went yet (it may still be
 * in flight). This attempt must not post; it fails so the job is retried later, when the claim has settled.
 */
export class DeliveryPendingError extends Error {
  override name = 'DeliveryPendingError';
}

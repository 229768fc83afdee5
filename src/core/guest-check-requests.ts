import type { PostedMessage, ReplyTarget } from './delivery.ts';

export interface UploadedFile {
  readonly fileName: string;
  readonly content: Buffer;
}

export type SubmitResult =
  | { readonly status: 'queued'; readonly jobId: string }
  | { readonly status: 'duplicate'; readonly jobId: string }
  | { readonly status: 'unavailable'; readonly message: string }
  | { readonly status: 'rejected'; readonly message: string };

export interface SubmitOptions {
  /**
   * The adapter's "checking…" message, when it posts one before submitting: the job updates it with progress and
   * a final line, and posts the report itself as a new message in the same place.
   */
  readonly progressMessage?: PostedMessage;
}

/**
 * How a chat adapter hands an upload to the guest check. The adapter acks at once and says "checking…";
 * the check runs as a job and posts its report to the target.
 */
export interface GuestCheckRequests {
  submit(upload: UploadedFile, target: ReplyTarget, user?: string, options?: SubmitOptions): Promise<SubmitResult>;
}

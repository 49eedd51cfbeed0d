import { UnrecoverableError } from 'bullmq';

/**
 * A job that can never succeed (a malformed payload): BullMQ moves it straight to failed,
 * where staff see it, instead of retrying it for hours.
 */
export class NonRetryableError extends UnrecoverableError {
  override readonly name = 'NonRetryableError';
}

import type { QueueName } from '@tessera/api/domain/jobs/queue-names';
import type { DefaultJobOptions } from 'bullmq';
import { z } from 'zod';
import { NonRetryableError } from '../errors';

const HOUR_S = 3600;

/** One queue: its name, what its jobs carry, how they retry, how many run at once, how long they are kept. */
export interface QueueConfig<Payload extends z.ZodType, Name extends QueueName = QueueName> {
  name: Name;
  payload: Payload;
  concurrency: number;
  jobOptions: Required<
    Pick<DefaultJobOptions, 'attempts' | 'backoff' | 'removeOnComplete' | 'removeOnFail'>
  >;
}

/** Names come from the list the API shares (dead letter): a queue it cannot see cannot exist. */
export function defineQueue<Payload extends z.ZodType, const Name extends QueueName>(
  config: QueueConfig<Payload, Name>,
): QueueConfig<Payload, Name> {
  return config;
}

/** Completed jobs: a day (a few thousand at most), enough to see what just ran. */
export const KEEP_COMPLETED = { age: 24 * HOUR_S, count: 5_000 };
/** Failed jobs are the dead-letter list staff look at: a week. */
export const KEEP_FAILED = { age: 7 * 24 * HOUR_S, count: 20_000 };

/** A job's data, checked against its queue's schema; a mismatch will never succeed on retry. */
export function parseJobData<Payload extends z.ZodType>(
  config: QueueConfig<Payload>,
  data: unknown,
): z.infer<Payload> {
  const parsed = config.payload.safeParse(data);
  if (!parsed.success)
    throw new NonRetryableError(
      `bad ${config.name} job payload: ${z.prettifyError(parsed.error).replaceAll('\n', '; ')}`,
    );
  return parsed.data;
}

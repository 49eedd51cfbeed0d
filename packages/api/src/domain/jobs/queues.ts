import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueName } from './queue-names';

/** Where the worker's queues live: its Redis and key prefix (QUEUE_PREFIX). */
export interface QueueAccess {
  redis: Redis;
  prefix: string;
}

/**
 * A handle on one of the worker's queues for a staff request, on the request's Redis
 * connection (BullMQ leaves a connection it was given open). Closed by `run` when done.
 */
export async function withQueue<T>(
  access: QueueAccess,
  name: QueueName,
  run: (queue: Queue) => Promise<T>,
): Promise<T> {
  const queue = new Queue(name, { connection: access.redis, prefix: access.prefix });
  try {
    return await run(queue);
  } finally {
    await queue.close();
  }
}

import { testEnv } from '@tessera/db/testing';
import { Queue, UnrecoverableError, Worker, type ConnectionOptions } from 'bullmq';
import { withSuiteDatabase } from './database';
import { E2E_QUEUE_PREFIX } from './suite';

const redisUrl = new URL(testEnv.TEST_REDIS_URL);
const connection: ConnectionOptions = {
  host: redisUrl.hostname,
  port: Number(redisUrl.port || 6379),
  maxRetriesPerRequest: null,
};

export interface FailedJob {
  id: string;
  summary: string;
  /** Leaves the queues as they were. */
  remove(): Promise<void>;
}

/**
 * A waiting-list job of the org that fails for good, the way a bad payload does: added to
 * the queue and run by a real BullMQ worker that refuses it, on the suite's own prefix.
 */
export async function failedJobOf(orgSlug: string): Promise<FailedJob> {
  const org = await withSuiteDatabase((db) =>
    db.selectFrom('orgs').select('id').where('slug', '=', orgSlug).executeTakeFirstOrThrow(),
  );
  const queue = new Queue('waitlist', { connection, prefix: E2E_QUEUE_PREFIX });
  const aggregateId = `e2e-${crypto.randomUUID().slice(0, 8)}`;
  const job = await queue.add('inventory.released', {
    orgId: org.id,
    eventType: 'inventory.released',
    aggregateType: 'hold',
    aggregateId,
    payload: {},
  });
  const worker = new Worker(
    'waitlist',
    (running) =>
      Promise.reject(
        new UnrecoverableError(
          running.id === job.id
            ? 'bad waitlist job payload: aggregateId: Invalid UUID'
            : 'not this test’s job',
        ),
      ),
    { connection, prefix: E2E_QUEUE_PREFIX, autorun: false },
  );
  const failed = new Promise<void>((resolve) =>
    worker.on('failed', (done) => done?.id === job.id && resolve()),
  );
  void worker.run();
  await failed;
  await worker.close();
  return {
    id: job.id ?? '',
    summary: `inventory.released hold ${aggregateId}`,
    async remove() {
      await (await queue.getJob(job.id ?? ''))?.remove();
      await queue.close();
    },
  };
}

import { z } from 'zod';
import { env } from '../env';
import {
  FailedJobsInput,
  FailedJobView,
  listFailedJobs,
  retryFailedJob,
  RetryJobInput,
} from '../domain/jobs/dead-letter';
import { router, staffProcedure } from '../trpc';

/** The dead letter: the org's background jobs that failed for good (staff.jobs.*). */
export const staffJobsRouter = router({
  failed: staffProcedure('jobs:manage')
    .input(FailedJobsInput)
    .output(z.array(FailedJobView))
    .query(({ ctx, input }) =>
      listFailedJobs({ redis: ctx.redis, prefix: env.QUEUE_PREFIX }, ctx.staff.orgId, input),
    ),

  retry: staffProcedure('jobs:manage')
    .input(RetryJobInput)
    .output(z.object({ retried: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      retryFailedJob(
        ctx.db,
        { redis: ctx.redis, prefix: env.QUEUE_PREFIX },
        ctx.staff,
        input,
        ctx.requestId,
      ),
    ),
});

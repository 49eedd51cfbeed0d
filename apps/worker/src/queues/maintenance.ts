import type { Queue } from 'bullmq';
import { z } from 'zod';
import { defineQueue } from './define';

export const MAINTENANCE_TASKS = [
  'expire-holds',
  'reconcile-stripe',
  'send-reminders',
  'resend-stuck-messages',
  'prune-old-data',
] as const;
export type MaintenanceTask = (typeof MAINTENANCE_TASKS)[number];

/**
 * Scheduled sweeps. One at a time, few retries: the next tick runs the same sweep again,
 * so a failure is only kept for staff to see.
 */
export const maintenanceQueue = defineQueue({
  name: 'maintenance',
  payload: z.object({ task: z.enum(MAINTENANCE_TASKS) }),
  concurrency: 1,
  jobOptions: {
    attempts: 2,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: { count: 100 },
    removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
  },
});

/**
 * One delayed `expire-holds` run at the start of the second after `delayMs`: holds lapsing
 * within one second share a run (its job id), and a run never comes before the expiry it
 * was scheduled for, so it finds that hold due.
 */
export async function expireHoldsIn(queue: Queue, delayMs: number): Promise<void> {
  const due = Math.ceil((Date.now() + Math.max(0, delayMs)) / 1000) * 1000;
  const task = 'expire-holds' satisfies MaintenanceTask;
  await queue.add(task, { task }, { jobId: `${task}-at-${due}`, delay: due - Date.now() });
}

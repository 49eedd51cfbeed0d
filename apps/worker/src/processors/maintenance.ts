import type { InventoryEvents } from '@tessera/api/domain/events/inventory';
import { expireHolds } from '@tessera/api/domain/holds/expire';
import type { configuredPayments } from '@tessera/api/domain/payments/configured';
import { reconcileStripePayments } from '@tessera/api/domain/payments/stripe/reconcile';
import type { Db } from '@tessera/db';
import type { Job } from 'bullmq';
import type { Logger } from '../log';
import { maintenanceQueue } from '../queues';
import { parseJobData } from '../queues/define';

export interface MaintenanceDeps {
  db: Db;
  events: InventoryEvents;
  payments: ReturnType<typeof configuredPayments>;
  log: Logger;
}

/** The scheduled sweeps; each is safe to run twice or concurrently (they lock what they change). */
export function processMaintenance({ db, events, payments, log }: MaintenanceDeps) {
  return async (job: Job): Promise<unknown> => {
    const { task } = parseJobData(maintenanceQueue, job.data);
    switch (task) {
      case 'expire-holds': {
        const expired = await expireHolds(db, { events });
        if (expired > 0) log.info(`expired ${expired} hold(s)`);
        return { expired };
      }
      case 'reconcile-stripe': {
        if (!payments.stripe) return { skipped: 'Stripe is not configured' };
        const tally = await reconcileStripePayments(db, payments.stripe, {
          provider: payments.provider,
          events,
        });
        if (tally.checked > 0) log.info(`stripe reconciliation: ${JSON.stringify(tally)}`);
        return tally;
      }
    }
  };
}

import type { InventoryEvents } from '@tessera/api/domain/events/inventory';
import { expireHolds } from '@tessera/api/domain/holds/expire';
import type { MailTransport, SmsProvider } from '@tessera/api/domain/notifications/deliver';
import { sendDueReminders } from '@tessera/api/domain/notifications/reminders';
import { resendStuckMessages } from '@tessera/api/domain/notifications/sweep';
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
  /** Reminders and resent messages go out through these (null: recorded only). */
  transport: MailTransport | null;
  sms: SmsProvider | null;
  log: Logger;
}

/** The scheduled sweeps; each is safe to run twice or concurrently (they lock what they change). */
export function processMaintenance(deps: MaintenanceDeps) {
  const { db, events, payments, log } = deps;
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
      case 'send-reminders': {
        const { error, ...tally } = await sendDueReminders(db, deps);
        if (error) log.warn(`${error}; this and the rest are due again at the next run`);
        if (tally.sent > 0) log.info(`reminders: ${JSON.stringify(tally)}`);
        return tally;
      }
      case 'resend-stuck-messages': {
        const tally = await resendStuckMessages(db, deps);
        if (tally.resent + tally.failed > 0)
          log.warn(`messages claimed but never sent, sent again: ${JSON.stringify(tally)}`);
        return tally;
      }
    }
  };
}

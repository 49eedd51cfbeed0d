import type { InventoryEvents } from '@tessera/api/domain/events/inventory';
import { expireHolds, untilNextHoldExpiry } from '@tessera/api/domain/holds/expire';
import type { MailTransport, SmsProvider } from '@tessera/api/domain/notifications/deliver';
import { sendDueReminders } from '@tessera/api/domain/notifications/reminders';
import { resendStuckMessages } from '@tessera/api/domain/notifications/sweep';
import type { configuredPayments } from '@tessera/api/domain/payments/configured';
import { reconcileStripePayments } from '@tessera/api/domain/payments/stripe/reconcile';
import { pruneOldData } from '@tessera/api/domain/retention/prune';
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
  /** Runs `expire-holds` once more in `delayMs` (see below). */
  expireHoldsIn: (delayMs: number) => Promise<void>;
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
        // A delayed run at the next hold's expiry, so each hold is tidied (and its places
        // offered to the waiting list) when it lapses, not up to a sweep interval later. The
        // sweep schedules it: holds last a minute or more, longer than the sweep's period.
        const nextInMs = await untilNextHoldExpiry(db);
        if (nextInMs !== null) await deps.expireHoldsIn(nextInMs);
        return { expired, nextInMs };
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
      case 'prune-old-data': {
        const pruned = await pruneOldData(db);
        log.info(`pruned old data: ${JSON.stringify(pruned)}`);
        return pruned;
      }
    }
  };
}

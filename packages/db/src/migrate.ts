import { Migrator, type Migration, type MigrationResult } from 'kysely';
import type { Db } from './client';
import * as identity from './migrations/0001_identity';
import * as catalog from './migrations/0002_catalog';
import * as bookings from './migrations/0003_bookings';
import * as inventory from './migrations/0004_inventory';
import * as payments from './migrations/0005_payments';
import * as engagement from './migrations/0006_engagement';
import * as platform from './migrations/0007_platform';
import * as outboxNotify from './migrations/0008_outbox_notify';
import * as ticketsReminders from './migrations/0009_tickets_reminders';
import * as workerDeliveries from './migrations/0010_worker_deliveries';
import * as outboxNotifySelective from './migrations/0011_outbox_notify_selective';
import * as seatLayoutVersion from './migrations/0012_seat_layout_version';
import * as orgSettings from './migrations/0013_org_settings';
import * as orgFeedIndex from './migrations/0014_org_feed_index';
import * as ticketUnitClaimIndexes from './migrations/0015_ticket_unit_claim_indexes';
import * as quoteTerms from './migrations/0017_quote_terms';
import * as paymentDueAt from './migrations/0019_payment_due_at';

/**
 * Every migration, in order. Listed statically (not read from disk) so the same code runs
 * under tsx, Vitest and bundlers. Forward-only: a released migration is never edited.
 */
export const migrations: Record<string, Migration> = {
  '0001_identity': identity,
  '0002_catalog': catalog,
  '0003_bookings': bookings,
  '0004_inventory': inventory,
  '0005_payments': payments,
  '0006_engagement': engagement,
  '0007_platform': platform,
  '0008_outbox_notify': outboxNotify,
  '0009_tickets_reminders': ticketsReminders,
  '0010_worker_deliveries': workerDeliveries,
  '0011_outbox_notify_selective': outboxNotifySelective,
  '0012_seat_layout_version': seatLayoutVersion,
  '0013_org_settings': orgSettings,
  '0014_org_feed_index': orgFeedIndex,
  '0015_ticket_unit_claim_indexes': ticketUnitClaimIndexes,
  '0017_quote_terms': quoteTerms,
  '0019_payment_due_at': paymentDueAt,
};

export async function migrateToLatest(db: Db): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: error });
  }
  return results;
}

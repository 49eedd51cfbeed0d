import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import {
  deliverEmail,
  deliverSms,
  type EmailToDeliver,
  type MailTransport,
  type SmsProvider,
  type SmsToDeliver,
} from './deliver';
import { loadBookingFacts } from './facts';
import { bookingSms } from './sms';
import { renderBookingMessage, type ReminderWindow } from './templates';

/**
 * When each reminder is due, as hours before the start: from `lead` until `until`. Past
 * `until` the next one takes over, so a booking made late, or a worker that was down, gets
 * the reminder that still makes sense, never two at once.
 */
const REMINDER_WINDOWS: Record<ReminderWindow, { leadHours: number; untilHours: number }> = {
  '24h': { leadHours: 24, untilHours: 2 },
  '2h': { leadHours: 2, untilHours: 0 },
};

/** At most this many per run (every minute): the maintenance queue has other work too. */
const REMINDERS_PER_RUN = 100;

export interface DueReminder {
  bookingId: string;
  orgId: string;
  reminder: ReminderWindow;
}

/** The email's dedupe key: one reminder of each kind per booking, ever. */
export const reminderDedupeKey = (reminder: ReminderWindow, bookingId: string) =>
  `booking.reminder:${reminder}:${bookingId}`;

/**
 * Confirmed bookings whose reminder is due now and was never claimed (a `failed` one is
 * due again, after the others). Only bookings confirmed before the reminder's moment are reminded: the
 * confirmation email has just said it all. One statement; the dates starting within the
 * next day come from `occurrences_starts_idx` (appointments from `booking_items_slot_starts_idx`),
 * their bookings from `bookings_occurrence_idx`, the sent check from the dedupe key's index.
 */
export async function dueReminders(db: Db, now = new Date()): Promise<DueReminder[]> {
  const windows = Object.entries(REMINDER_WINDOWS).map(
    ([reminder, { leadHours, untilHours }]) =>
      sql`(${reminder}, ${leadHours}::int, ${untilHours}::int)`,
  );
  const { rows } = await sql<DueReminder>`
    WITH starts AS (
      SELECT b.id AS booking_id, b.org_id, b.confirmed_at, oc.starts_at
      FROM occurrences oc
      JOIN bookings b ON b.occurrence_id = oc.id AND b.status = 'confirmed'
      WHERE oc.starts_at > ${now} AND oc.starts_at <= ${now}::timestamptz + interval '24 hours'
      UNION ALL
      SELECT b.id, b.org_id, b.confirmed_at, min(bi.starts_at)
      FROM booking_items bi
      JOIN bookings b ON b.id = bi.booking_id AND b.status = 'confirmed' AND b.occurrence_id IS NULL
      WHERE bi.kind = 'slot' AND bi.status = 'live'
        AND bi.starts_at > ${now} AND bi.starts_at <= ${now}::timestamptz + interval '24 hours'
      GROUP BY b.id
    )
    SELECT s.booking_id, s.org_id, w.reminder
    FROM starts s
    CROSS JOIN (VALUES ${sql.join(windows)}) AS w (reminder, lead_hours, until_hours)
    LEFT JOIN outbound_messages m
      ON m.dedupe_key = 'booking.reminder:' || w.reminder || ':' || s.booking_id
    WHERE ${now} >= s.starts_at - make_interval(hours => w.lead_hours)
      AND ${now} < s.starts_at - make_interval(hours => w.until_hours)
      AND s.confirmed_at < s.starts_at - make_interval(hours => w.lead_hours)
      AND (m.id IS NULL OR m.status = 'failed')
    -- Never tried first: one that keeps failing (a refused address) cannot hold up the rest.
    ORDER BY m.id IS NOT NULL, s.starts_at
    LIMIT ${REMINDERS_PER_RUN}
  `.execute(db);
  return rows;
}

/**
 * The reminder email (and text, when the customer gave a phone), read at send time:
 * undefined when the booking was cancelled, expired or refunded meanwhile.
 */
export async function composeReminder(
  db: Db,
  due: DueReminder,
): Promise<{ email: EmailToDeliver; sms: SmsToDeliver | undefined } | undefined> {
  const facts = await loadBookingFacts(db, due.bookingId);
  if (facts?.status !== 'confirmed') return undefined;
  const dedupeKey = reminderDedupeKey(due.reminder, due.bookingId);
  const email: EmailToDeliver = {
    ...renderBookingMessage('booking.reminder', facts, { reminder: due.reminder }),
    orgId: due.orgId,
    bookingId: due.bookingId,
    template: 'booking.reminder',
    recipient: facts.contactEmail,
    dedupeKey,
  };
  const sms = bookingSms(
    facts,
    { bookingId: due.bookingId, orgId: due.orgId, dedupeKey },
    { type: 'booking.reminder', reminder: due.reminder },
  );
  return { email, sms };
}

/**
 * Sends the reminders due now (email, and a text when there is a phone), at most 100.
 * Run by the worker every minute: two runs at once send each reminder once (the dedupe
 * key), a booking cancelled meanwhile is skipped, and a failure ends the run (the provider
 * is likely down; the failed reminder and the rest are due again at the next run).
 */
export async function sendDueReminders(
  db: Db,
  providers: { transport: MailTransport | null; sms: SmsProvider | null },
): Promise<{ sent: number; skipped: number; failed: number; error?: string }> {
  const tally = { sent: 0, skipped: 0, failed: 0 };
  for (const due of await dueReminders(db)) {
    try {
      const message = await composeReminder(db, due);
      if (!message) {
        tally.skipped += 1;
        continue;
      }
      const outcome = await deliverEmail(db, message.email, providers.transport);
      if (message.sms) await deliverSms(db, message.sms, providers.sms);
      if (outcome === 'duplicate') tally.skipped += 1;
      else tally.sent += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ...tally,
        failed: 1,
        error: `${due.reminder} reminder of booking ${due.bookingId}: ${reason}`,
      };
    }
  }
  return tally;
}

import type { Db } from '@tessera/db';
import type { TimelineEntry } from './schemas';

/** The audit action a staff note is recorded under: the note is its own audit entry. */
export const NOTE_ACTION = 'booking.note_added';

/**
 * Everything that happened to a booking, oldest first: its hold, payments, refunds, the
 * emails and texts it sent, check-ins, staff changes (audit log) and notes.
 */
export async function bookingTimeline(
  db: Db,
  booking: { id: string; holdId: string | null; createdAt: Date; reference: string },
): Promise<TimelineEntry[]> {
  const [holds, payments, refunds, messages, checkIns, audit] = await Promise.all([
    booking.holdId
      ? db
          .selectFrom('holds')
          .select(['createdAt', 'status', 'source'])
          .where('id', '=', booking.holdId)
          .execute()
      : [],
    db
      .selectFrom('payments')
      .select([
        'createdAt',
        'succeededAt',
        'status',
        'provider',
        'amount',
        'currency',
        'failureReason',
      ])
      .where('bookingId', '=', booking.id)
      .execute(),
    db
      .selectFrom('refunds as r')
      .leftJoin('users as u', 'u.id', 'r.requestedBy')
      .select([
        'r.createdAt',
        'r.completedAt',
        'r.status',
        'r.amount',
        'r.currency',
        'r.reason',
        'u.email',
      ])
      .where('r.bookingId', '=', booking.id)
      .execute(),
    db
      .selectFrom('outboundMessages')
      .select(['createdAt', 'sentAt', 'channel', 'template', 'recipient', 'status', 'subject'])
      .where('bookingId', '=', booking.id)
      .execute(),
    db
      .selectFrom('tickets as t')
      .leftJoin('users as u', 'u.id', 't.checkedInBy')
      .select(['t.code', 't.checkedInAt', 't.checkedInGate', 'u.email'])
      .where('t.bookingId', '=', booking.id)
      .where('t.checkedInAt', 'is not', null)
      .execute(),
    db
      .selectFrom('auditLog')
      .select(['createdAt', 'action', 'actorLabel', 'changes'])
      .where('entityType', '=', 'booking')
      .where('entityId', '=', booking.id)
      .execute(),
  ]);
  const money = (amount: number, currency: string) => `${(amount / 100).toFixed(2)} ${currency}`;
  const entries: TimelineEntry[] = [
    {
      at: booking.createdAt,
      kind: 'booking',
      title: `Booked (${booking.reference})`,
      detail: null,
      actor: null,
    },
    ...holds.map((hold) => ({
      at: hold.createdAt,
      kind: 'hold' as const,
      title: `Places held (${hold.source})`,
      detail: hold.status,
      actor: null,
    })),
    ...payments.map((payment) => ({
      at: payment.succeededAt ?? payment.createdAt,
      kind: 'payment' as const,
      title: `Payment ${payment.status} (${payment.provider})`,
      detail: [money(payment.amount, payment.currency), payment.failureReason]
        .filter(Boolean)
        .join(' · '),
      actor: null,
    })),
    ...refunds.map((refund) => ({
      at: refund.completedAt ?? refund.createdAt,
      kind: 'refund' as const,
      title: `Refund ${refund.status}`,
      detail: `${money(refund.amount, refund.currency)} · ${refund.reason.replace('_', ' ')}`,
      actor: refund.email,
    })),
    ...messages.map((message) => ({
      at: message.sentAt ?? message.createdAt,
      kind: 'email' as const,
      title: `${message.channel === 'sms' ? 'Text' : 'Email'} ${message.status}: ${message.subject ?? message.template}`,
      detail: `to ${message.recipient}`,
      actor: null,
    })),
    ...checkIns.map((ticket) => ({
      at: ticket.checkedInAt ?? booking.createdAt,
      kind: 'check_in' as const,
      title: `Ticket ${ticket.code} checked in`,
      detail: ticket.checkedInGate ? `gate ${ticket.checkedInGate}` : null,
      actor: ticket.email,
    })),
    ...audit.map((entry) =>
      entry.action === NOTE_ACTION
        ? {
            at: entry.createdAt,
            kind: 'note' as const,
            title: 'Note',
            detail: noteText(entry.changes),
            actor: entry.actorLabel,
          }
        : {
            at: entry.createdAt,
            kind: 'audit' as const,
            title: entry.action,
            detail: JSON.stringify(entry.changes),
            actor: entry.actorLabel,
          },
    ),
  ];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function noteText(changes: unknown): string | null {
  return typeof changes === 'object' &&
    changes !== null &&
    'note' in changes &&
    typeof changes.note === 'string'
    ? changes.note
    : null;
}

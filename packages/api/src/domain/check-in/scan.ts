import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import type { TicketCheckedInPayload } from '../../realtime/events';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import { enqueueOutbox } from '../shared/outbox';
import { verifyTicket } from '../tickets/signature';
import { checkInCount, checkInOccurrence } from './occurrence';
import type { ScanInput, ScanResult } from './schemas';
import { ticketsWithPlace } from './tickets';

const TYPED_CODE = /^[A-Z0-9]{6,20}$/;

/** The code a scan names: a QR payload must carry our signature; a typed code is taken as is. */
function scannedCode(
  scanned: string,
): { code: string; occurrenceId: string | null } | 'forged' | 'unknown' {
  if (scanned.includes('.')) {
    const verification = verifyTicket(scanned);
    if (verification.valid) return verification;
    return verification.reason === 'bad_signature' ? 'forged' : 'unknown';
  }
  const code = scanned.replace(/[\s-]/g, '').toUpperCase();
  return TYPED_CODE.test(code) ? { code, occurrenceId: null } : 'unknown';
}

/**
 * Admits the holder of a scanned ticket at a date's door. The claim is one conditional
 * UPDATE (checked_in_at IS NULL), so two scanners reading one ticket at once admit it once:
 * the second finds the row taken and answers who took it.
 */
export async function scanTicket(
  db: Db,
  input: ScanInput,
  staff: StaffMember,
  requestId: string,
): Promise<ScanResult> {
  await checkInOccurrence(db, staff.orgId, input.occurrenceId);
  const count = () => checkInCount(db, input.occurrenceId);
  const scanned = scannedCode(input.scanned);
  if (scanned === 'forged' || scanned === 'unknown')
    return { result: scanned, count: await count() };

  const find = () =>
    ticketsWithPlace(db)
      .where('t.code', '=', scanned.code)
      .where('t.orgId', '=', staff.orgId)
      .executeTakeFirst();
  const ticket = await find();
  if (!ticket) return { result: 'unknown', count: await count() };
  if (ticket.occurrenceId !== input.occurrenceId) {
    const other = ticket.occurrenceId
      ? await db
          .selectFrom('occurrences')
          .select('startsAt')
          .where('id', '=', ticket.occurrenceId)
          .executeTakeFirst()
      : undefined;
    return { result: 'wrong_occurrence', startsAt: other?.startsAt ?? null, count: await count() };
  }
  const shown = {
    code: ticket.code,
    holder: ticket.holder,
    place: ticket.place,
    reference: ticket.reference,
  };
  if (ticket.status === 'void' || ticket.bookingStatus !== 'confirmed')
    return { result: 'void', ticket: shown, count: await count() };

  const admitted = await db.transaction().execute(async (tx) => {
    const claimed = await tx
      .updateTable('tickets')
      .set({
        checkedInAt: sql<Date>`now()`,
        checkedInBy: staff.actor.userId,
        checkedInGate: input.gate ?? null,
      })
      .where('id', '=', ticket.id)
      .where('checkedInAt', 'is', null)
      .where('status', '=', 'valid')
      .returning('checkedInAt')
      .executeTakeFirst();
    if (!claimed) return false;
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'ticket.checked_in',
      entityType: 'ticket',
      entityId: ticket.id,
      changes: { code: ticket.code, gate: input.gate ?? null, occurrenceId: input.occurrenceId },
      requestId,
    });
    // The staff live feed (org room) hears of it the way it hears of bookings: by the outbox.
    const payload: TicketCheckedInPayload = {
      ticketId: ticket.id,
      code: ticket.code,
      occurrenceId: input.occurrenceId,
      gate: input.gate ?? null,
    };
    await enqueueOutbox(tx, [
      {
        orgId: staff.orgId,
        aggregateType: 'booking',
        aggregateId: ticket.bookingId,
        eventType: 'ticket.checked_in',
        payload,
      },
    ]);
    return true;
  });
  if (admitted) return { result: 'valid', ticket: shown, count: await count() };

  // Someone else claimed it first (or it was voided meanwhile): say what the row says now.
  const now = await find();
  if (!now?.checkedInAt) return { result: 'void', ticket: shown, count: await count() };
  return {
    result: 'already_checked_in',
    ticket: shown,
    checkedInAt: now.checkedInAt,
    checkedInBy: now.checkedInBy,
    gate: now.checkedInGate,
    count: await count(),
  };
}

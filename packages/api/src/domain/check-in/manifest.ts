import type { Db } from '@tessera/db';
import { toCsv } from '../shared/csv';
import { checkInOccurrence } from './occurrence';
import type { Manifest, ManifestRow } from './schemas';
import { ticketsWithPlace } from './tickets';

/** Who is expected on a date: one row per valid ticket, by name. */
export async function occurrenceManifest(
  db: Db,
  orgId: string,
  occurrenceId: string,
): Promise<Manifest> {
  const occurrence = await checkInOccurrence(db, orgId, occurrenceId);
  const tickets = await ticketsWithPlace(db)
    .where('t.occurrenceId', '=', occurrenceId)
    .where('t.orgId', '=', orgId)
    .where('t.status', '=', 'valid')
    .orderBy('holder')
    .orderBy('t.code')
    .execute();
  return {
    ...occurrence,
    rows: tickets.map((ticket) => ({
      name: ticket.holder,
      place: ticket.place,
      reference: ticket.reference,
      code: ticket.code,
      checkedInAt: ticket.checkedInAt,
    })),
  };
}

/** The manifest as CSV, check-in times in the date's zone ("2026-11-22 19:04"). */
export function manifestCsv(rows: readonly ManifestRow[], timeZone: string): string {
  const time = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const lines = [
    ['Name', 'Seat or ticket', 'Booking', 'Ticket code', `Checked in at (${timeZone})`],
    ...rows.map((row) => [
      row.name,
      row.place,
      row.reference,
      row.code,
      row.checkedInAt ? time.format(row.checkedInAt) : '',
    ]),
  ];
  return toCsv(lines);
}

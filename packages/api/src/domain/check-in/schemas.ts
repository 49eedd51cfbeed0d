import { z } from 'zod';
import { OfferingKind } from '../shared/schemas';

export const OccurrenceInput = z.object({
  occurrenceId: z.uuid({ error: 'This date link is not valid' }),
});

export const ScanInput = OccurrenceInput.extend({
  /** What the camera read (the signed QR payload) or the code typed from under it. */
  scanned: z
    .string()
    .trim()
    .min(1, { error: 'Scan a ticket or type its code' })
    .max(200, { error: 'This is not a ticket code' }),
  gate: z.string().trim().max(40).optional(),
});
export type ScanInput = z.infer<typeof ScanInput>;

export const CheckInCount = z.object({
  checkedIn: z.number().int(),
  /** Valid tickets for the date: who is expected. */
  expected: z.number().int(),
});
export type CheckInCount = z.infer<typeof CheckInCount>;

const ScannedTicket = z.object({
  code: z.string(),
  holder: z.string().nullable(),
  /** "Stalls A 3", or the ticket type for unseated tickets. */
  place: z.string(),
  reference: z.string(),
});

export const ScanResult = z.discriminatedUnion('result', [
  z.object({ result: z.literal('valid'), ticket: ScannedTicket, count: CheckInCount }),
  z.object({
    result: z.literal('already_checked_in'),
    ticket: ScannedTicket,
    checkedInAt: z.date(),
    checkedInBy: z.string().nullable(),
    gate: z.string().nullable(),
    count: CheckInCount,
  }),
  /** A good ticket for another date (its start, so staff can send the person on). */
  z.object({
    result: z.literal('wrong_occurrence'),
    startsAt: z.date().nullable(),
    count: CheckInCount,
  }),
  z.object({ result: z.literal('void'), ticket: ScannedTicket, count: CheckInCount }),
  /** No ticket of this org has the code, or the payload is garbled. */
  z.object({ result: z.literal('unknown'), count: CheckInCount }),
  /** A payload whose signature is not ours: copied and altered. */
  z.object({ result: z.literal('forged'), count: CheckInCount }),
]);
export type ScanResult = z.infer<typeof ScanResult>;

export const ManifestRow = z.object({
  name: z.string(),
  place: z.string(),
  reference: z.string(),
  code: z.string(),
  checkedInAt: z.date().nullable(),
});
export type ManifestRow = z.infer<typeof ManifestRow>;

export const CheckInOccurrence = z.object({
  id: z.uuid(),
  offeringName: z.string(),
  offeringKind: OfferingKind,
  startsAt: z.date(),
  timeZone: z.string(),
  count: CheckInCount,
});
export type CheckInOccurrence = z.infer<typeof CheckInOccurrence>;

export const Manifest = CheckInOccurrence.extend({ rows: z.array(ManifestRow) });
export type Manifest = z.infer<typeof Manifest>;

import { checkInOccurrence } from '../domain/check-in/occurrence';
import { occurrenceManifest } from '../domain/check-in/manifest';
import { scanTicket } from '../domain/check-in/scan';
import {
  CheckInOccurrence,
  Manifest,
  OccurrenceInput,
  ScanInput,
  ScanResult,
} from '../domain/check-in/schemas';
import { router, staffProcedure } from '../trpc';

/** The door (staff.checkIn.*): scan tickets for a date, count and list who is expected. */
export const staffCheckInRouter = router({
  /** The date being scanned, with checked-in / expected. */
  occurrence: staffProcedure('bookings:read')
    .input(OccurrenceInput)
    .output(CheckInOccurrence)
    .query(({ ctx, input }) => checkInOccurrence(ctx.db, ctx.staff.orgId, input.occurrenceId)),

  /** A QR payload or typed code: admits once, or says why not. */
  scan: staffProcedure('checkin:write')
    .input(ScanInput)
    .output(ScanResult)
    .mutation(({ ctx, input }) => scanTicket(ctx.db, input, ctx.staff, ctx.requestId)),

  manifest: staffProcedure('bookings:read')
    .input(OccurrenceInput)
    .output(Manifest)
    .query(({ ctx, input }) => occurrenceManifest(ctx.db, ctx.staff.orgId, input.occurrenceId)),
});

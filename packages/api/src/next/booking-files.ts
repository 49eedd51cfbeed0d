import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TicketsRequest } from '../domain/tickets/access';
import { requestedBookingFile, type BookingFileKind } from '../domain/tickets/files';
import { AppError, APP_ERROR_CODES } from '../errors';
import { serverResources } from '../resources';
import type { SessionLike } from '../server-caller';
import { describeZodError } from '../trpc';

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * Its own entry point (`@tessera/api/next/booking-files`), so only the site, which serves
 * the files, loads pdfkit; the console's server does not.
 *
 * `GET /bookings/[reference]/tickets.pdf` and `.../calendar.ics` of the booking site, under
 * the booking page's rule: `?email=` the booking was made with, or the signed-in owner.
 * Errors are the API's messages with its status codes, as plain text.
 */
export function createBookingFileHandler(
  auth: () => Promise<SessionLike | null>,
  kind: BookingFileKind,
) {
  return async (
    req: Request,
    { params }: { params: Promise<{ reference: string }> },
  ): Promise<Response> => {
    const session = await auth();
    const parsed = TicketsRequest.safeParse({
      reference: (await params).reference,
      email: new URL(req.url).searchParams.get('email') ?? undefined,
      userId: session?.user?.id ?? null,
    });
    if (!parsed.success) return plain(400, `Invalid input: ${describeZodError(parsed.error)}`);
    try {
      const file = await requestedBookingFile(serverResources().db, kind, parsed.data);
      return new Response(new Uint8Array(file.content), {
        headers: {
          'content-type': file.contentType,
          'content-disposition': `attachment; filename="${file.filename}"`,
          // Tickets admit people: never kept by a shared cache.
          'cache-control': 'private, no-store',
        },
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const status = getHTTPStatusCodeFromError(
        new TRPCError({ code: APP_ERROR_CODES[error.code] }),
      );
      return plain(status, error.message);
    }
  };
}

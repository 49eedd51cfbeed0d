import { manifestCsv } from '@tessera/api/domain/check-in/manifest';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { auth } from '~/server/auth';
import { serverApi } from '~/trpc/server';

/** The manifest as a CSV download, for signed-in staff allowed to read bookings. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ occurrenceId: string }> },
) {
  const session = await auth();
  if (!session?.user) return new Response('Sign in first.\n', { status: 401 });
  const { occurrenceId } = await params;
  try {
    const manifest = await (await serverApi()).staff.checkIn.manifest({ occurrenceId });
    const day = manifest.startsAt.toISOString().slice(0, 10);
    return new Response(manifestCsv(manifest.rows, manifest.timeZone), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="manifest-${day}-${manifest.id.slice(0, 8)}.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return new Response(`${error.message}\n`, { status: getHTTPStatusCodeFromError(error) });
  }
}

import { REPORT_TABLES, reportTables } from '@tessera/api/domain/reports/report-tables';
import { toCsv } from '@tessera/api/domain/shared/csv';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { auth } from '~/server/auth';
import { serverApi } from '~/trpc/server';

/** One report table as CSV: the same rows and cells the /reports page shows for these dates. */
export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  const session = await auth();
  if (!session?.user) return new Response('Sign in first.\n', { status: 401 });
  const { table: key } = await params;
  if (!REPORT_TABLES.some((known) => known === key))
    return new Response(`There is no report "${key}".\n`, { status: 404 });
  const search = new URL(request.url).searchParams;
  try {
    const report = await (
      await serverApi()
    ).staff.reports.sales({
      from: search.get('from') ?? undefined,
      to: search.get('to') ?? undefined,
    });
    const table = reportTables(report).find((candidate) => candidate.key === key);
    if (!table) return new Response(`There is no report "${key}".\n`, { status: 404 });
    return new Response(toCsv([table.columns, ...table.rows]), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${key}-${report.from}-to-${report.to}.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return new Response(`${error.message}\n`, { status: getHTTPStatusCodeFromError(error) });
  }
}

import { isRole, roleCan } from '@tessera/api/domain/access/permissions';
import { decimalAmount, reportTables } from '@tessera/api/domain/reports/report-tables';
import { Alert, Button, Card, Input, PageHeader } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { param, type SearchParams } from '~/lib/search-params';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';
import { ReportBarChart } from './report-charts';

export const metadata: Metadata = { title: 'Reports' };

/** Revenue, occupancy, sales and refunds for a date range in the org's zone, each table as CSV. */
export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireSession();
  const api = await serverApi();
  const [org] = await api.staff.orgs();
  const role = org && isRole(org.role) ? org.role : null;
  if (!role || !roleCan(role, 'reports:read'))
    return (
      <Alert tone="warning" title="Not available to your role">
        Only owners, managers and auditors see reports.
      </Alert>
    );
  const params = await searchParams;
  let report;
  try {
    report = await api.staff.reports.sales({
      from: param(params, 'from'),
      to: param(params, 'to'),
    });
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code !== 'BAD_REQUEST') throw error;
    return (
      <>
        <PageHeader title="Reports" />
        <Alert tone="error" title="These dates cannot be reported">
          {error.message}{' '}
          <a href="/reports" className="underline">
            Show the last 30 days
          </a>
          .
        </Alert>
      </>
    );
  }
  const tables = reportTables(report);
  const range = new URLSearchParams({ from: report.from, to: report.to });

  return (
    <>
      <PageHeader
        title="Reports"
        description={`From ${report.from} to ${report.to}, days in ${report.timeZone}.`}
      />
      <form method="get" className="mb-8 flex flex-wrap items-end gap-4" aria-label="Date range">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          From
          <Input type="date" name="from" defaultValue={report.from} required />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          To
          <Input type="date" name="to" defaultValue={report.to} required />
        </label>
        <Button type="submit">Show</Button>
      </form>
      <div className="flex flex-col gap-8">
        {tables.map((table) => (
          <section key={table.key} aria-labelledby={`report-${table.key}`}>
            <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
              <h2 id={`report-${table.key}`} className="text-lg font-semibold text-slate-900">
                {table.title}
              </h2>
              <a
                href={`/reports/csv/${table.key}?${range.toString()}`}
                className="text-sm font-medium text-brand-800 underline"
                download
              >
                Download CSV<span className="sr-only"> of {table.title.toLowerCase()}</span>
              </a>
            </div>
            <Card>
              {table.key === 'revenue' ? (
                <ReportBarChart
                  title="Revenue"
                  unit=""
                  points={report.revenueByDay.map((row) => ({
                    label: row.date.slice(5),
                    value: Number(decimalAmount(row.revenue, row.currency)),
                  }))}
                />
              ) : null}
              {table.key === 'occupancy' ? (
                <ReportBarChart
                  title="Occupancy"
                  unit="%"
                  points={report.occupancy.slice(0, 60).map((row, index) => ({
                    label: table.rows[index]?.[0]?.slice(5) ?? '',
                    value: row.occupancyPercent,
                  }))}
                />
              ) : null}
              {table.rows.length ? (
                <div className="overflow-x-auto">
                  <table className="w-full text-left text-sm" data-testid={`report-${table.key}`}>
                    <caption className="sr-only">{table.title}</caption>
                    <thead>
                      <tr>
                        {table.columns.map((column) => (
                          <th
                            key={column}
                            scope="col"
                            className="border-b border-slate-300 px-2 py-2 font-semibold text-slate-900"
                          >
                            {column}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {table.rows.map((row, index) => (
                        <tr key={index} className="border-b border-slate-200">
                          {row.map((cell, column) => (
                            <td key={column} className="px-2 py-2 text-slate-800">
                              {cell}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p className="text-slate-700">Nothing in these dates.</p>
              )}
            </Card>
          </section>
        ))}
      </div>
    </>
  );
}

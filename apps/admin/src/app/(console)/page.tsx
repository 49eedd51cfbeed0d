import { isRole, roleCan } from '@tessera/api/domain/access/permissions';
import type { RouterOutputs } from '@tessera/api';
import { Card, PageHeader, formatMoney } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { OccurrenceTable } from '~/components/occurrence-table';
import { FEED_LINES } from '~/lib/feed';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';
import { LiveFeed } from './live-feed';

export const metadata: Metadata = { title: 'Dashboard' };

type SalesFigure = RouterOutputs['staff']['dashboard']['sales']['today'][number];

function SalesCard({ title, figures }: { title: string; figures: SalesFigure[] }) {
  return (
    <Card>
      <h2 className="text-sm font-semibold text-slate-700">{title}</h2>
      {figures.length === 0 ? (
        <p className="mt-1 text-2xl font-bold text-slate-900">No sales</p>
      ) : (
        <ul>
          {figures.map((figure) => (
            <li key={figure.currency} className="mt-1">
              <span className="text-2xl font-bold text-slate-900 tabular-nums">
                {formatMoney({ amount: figure.amount, currency: figure.currency })}
              </span>{' '}
              <span className="text-sm text-slate-700">
                {figure.bookings} {figure.bookings === 1 ? 'booking' : 'bookings'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The console's home: today's dates, money (for roles that read reports), and the live feed. */
export default async function DashboardPage() {
  await requireSession();
  const api = await serverApi();
  const [org] = await api.staff.orgs();
  if (!org || !isRole(org.role)) return null;
  const showSales = roleCan(org.role, 'reports:read');
  const [today, sales, pending, feed] = await Promise.all([
    api.staff.dashboard.today(),
    showSales ? api.staff.dashboard.sales() : null,
    api.staff.dashboard.pendingPayments(),
    api.staff.dashboard.feed({ limit: FEED_LINES }),
  ]);

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Today is ${today.date} in ${today.timeZone}, the organisation's time zone.`}
      />
      <div className="mb-8 grid gap-4 sm:grid-cols-3">
        {sales ? (
          <>
            <SalesCard title="Sales today" figures={sales.today} />
            <SalesCard title="Sales, last 7 days" figures={sales.last7Days} />
          </>
        ) : null}
        <Card>
          <h2 className="text-sm font-semibold text-slate-700">Pending payments</h2>
          <p className="mt-1 text-2xl font-bold text-slate-900 tabular-nums">{pending.count}</p>
          <Link
            href="/bookings?status=pending_payment"
            className="text-sm font-medium text-brand-800 underline"
          >
            See bookings awaiting payment
          </Link>
        </Card>
      </div>
      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="today-heading" className="min-w-0">
          <h2 id="today-heading" className="mb-3 text-lg font-semibold text-slate-900">
            Today’s dates
          </h2>
          {today.occurrences.length === 0 ? (
            <p className="text-slate-700">
              Nothing starts today.{' '}
              <Link href="/upcoming" className="font-medium text-brand-800 underline">
                See upcoming dates
              </Link>
              .
            </p>
          ) : (
            <OccurrenceTable
              occurrences={today.occurrences}
              id="today-caption"
              caption="Dates starting today, soonest first"
            />
          )}
        </section>
        <LiveFeed orgId={org.id} timeZone={today.timeZone} initial={feed.items} />
      </div>
    </>
  );
}

import { Badge, PageHeader, buttonClasses, formatDateTime, formatMoney } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { accessFor } from '~/lib/access';
import { quoteStatus } from './labels';

export const metadata: Metadata = { title: 'Quotes' };

/** The org's offers, newest first, with their state; sellers build new ones. */
export default async function QuotesPage() {
  const access = await accessFor(
    'quotes:read',
    'Quotes are for the roles that sell, and auditors.',
  );
  if ('denied' in access) return access.denied;
  const quotes = await access.api.staff.quotes.list();
  return (
    <>
      <PageHeader
        title="Quotes"
        description="Offers built for a customer: places priced now, custom lines, a markup or discount. Accepting one books it at the quoted total."
      />
      {access.may('bookings:sell') ? (
        <p className="mb-6">
          <Link href="/quotes/new" className={buttonClasses()}>
            New quote
          </Link>
        </p>
      ) : null}
      {quotes.length === 0 ? (
        <p className="text-slate-700">No quotes yet.</p>
      ) : (
        <div
          role="region"
          aria-labelledby="quotes-caption"
          tabIndex={0}
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <table className="w-full min-w-[48rem] text-left text-sm">
            <caption id="quotes-caption" className="sr-only">
              Quotes, newest first
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                {['Quote', 'Customer', 'What', 'Total', 'Status', 'Valid until'].map((label) => (
                  <th key={label} scope="col" className="px-4 py-3 font-semibold">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {quotes.map((quote) => {
                const status = quoteStatus[quote.status] ?? {
                  label: quote.status,
                  tone: 'neutral',
                };
                return (
                  <tr key={quote.id} className="border-b border-slate-100 last:border-0">
                    <td className="px-4 py-3">
                      <Link
                        href={`/quotes/${quote.id}`}
                        className="font-medium text-brand-800 underline"
                      >
                        {quote.reference}
                      </Link>
                    </td>
                    <td className="px-4 py-3">
                      {quote.contact.name}
                      <span className="block text-slate-700">{quote.contact.email}</span>
                    </td>
                    <td className="px-4 py-3">{quote.offeringName ?? 'Custom lines'}</td>
                    <td className="px-4 py-3">{formatMoney(quote.total)}</td>
                    <td className="px-4 py-3">
                      <Badge tone={status.tone}>{status.label}</Badge>
                    </td>
                    <td className="px-4 py-3">
                      {quote.validUntil ? formatDateTime(quote.validUntil, quote.timeZone) : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

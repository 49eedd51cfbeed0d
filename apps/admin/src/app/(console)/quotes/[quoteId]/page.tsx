import { Badge, Card, PageHeader, QuoteLinesTable, formatDateTime, formatMoney } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '~/components/action-form';
import { accessFor } from '~/lib/access';
import { sendQuoteAction, withdrawQuoteAction } from '../actions';
import { adjustmentText, quoteStatus } from '../labels';

export const metadata: Metadata = { title: 'Quote' };

/** One offer: its lines, adjustment and total, state, and Send / Withdraw for sellers. */
export default async function QuotePage({ params }: { params: Promise<{ quoteId: string }> }) {
  const access = await accessFor(
    'quotes:read',
    'Quotes are for the roles that sell, and auditors.',
  );
  if ('denied' in access) return access.denied;
  const { quoteId } = await params;
  const quote = await access.api.staff.quotes.get({ quoteId }).catch((error: unknown) => {
    if (error instanceof TRPCError && ['NOT_FOUND', 'BAD_REQUEST'].includes(error.code)) notFound();
    throw error;
  });
  const money = (amount: number) => formatMoney({ amount, currency: quote.total.currency });
  const status = quoteStatus[quote.status] ?? { label: quote.status, tone: 'neutral' as const };
  const open = quote.status === 'draft' || quote.status === 'sent';
  return (
    <>
      <PageHeader
        title={`Quote ${quote.reference}`}
        description={`${quote.offeringName ?? 'Custom lines'}${quote.startsAt ? ` · ${formatDateTime(quote.startsAt, quote.timeZone)}` : ''}`}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card>
            <dl className="grid grid-cols-2 gap-3 text-sm">
              <dt className="text-slate-700">Status</dt>
              <dd>
                <Badge tone={status.tone}>{status.label}</Badge>
              </dd>
              <dt className="text-slate-700">Customer</dt>
              <dd>
                {quote.contact.name}
                <span className="block">{quote.contact.email}</span>
              </dd>
              <dt className="text-slate-700">Valid until</dt>
              <dd>{quote.validUntil ? formatDateTime(quote.validUntil, quote.timeZone) : ''}</dd>
              {quote.bookingReference ? (
                <>
                  <dt className="text-slate-700">Booking</dt>
                  <dd>
                    <Link
                      href={`/bookings/${quote.bookingReference}`}
                      className="font-medium text-brand-800 underline"
                    >
                      {quote.bookingReference}
                    </Link>
                  </dd>
                </>
              ) : null}
            </dl>
          </Card>
          <QuoteLinesTable
            caption="Lines"
            lines={quote.lines}
            summary={[
              { label: 'Subtotal', amount: quote.subtotal.amount },
              { label: adjustmentText(quote.adjustment, money), amount: quote.adjustment.amount },
            ]}
            total={quote.total}
            totalTestId="quote-total"
          />
        </div>
        {open && access.may('bookings:sell') ? (
          <div className="flex flex-col gap-6">
            <Card>
              <h2 className="mb-2 text-lg font-semibold">
                {quote.status === 'sent' ? 'Send again' : 'Send to the customer'}
              </h2>
              <ActionForm
                action={sendQuoteAction}
                fields={{ quoteId: quote.id }}
                label={quote.status === 'sent' ? 'Send a new link' : 'Send the quote'}
                variant="primary"
              >
                <p className="text-sm text-slate-700">
                  Emails {quote.contact.email} a link to the offer; an earlier link stops working.
                </p>
              </ActionForm>
            </Card>
            <Card>
              <h2 className="mb-2 text-lg font-semibold">Withdraw</h2>
              <ActionForm
                action={withdrawQuoteAction}
                fields={{ quoteId: quote.id }}
                label="Withdraw the quote"
                variant="danger"
              />
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}

import { Alert, Card, PageHeader, formatDateTime, formatMoney } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { serverApi } from '~/trpc/server';
import { AcceptForm } from './accept-form';

export const metadata: Metadata = { title: 'Your offer' };

/** An offer staff built for the customer (the emailed link): its lines, total and validity. */
export default async function QuotePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const offer = await (await serverApi()).quotes.byToken({ token }).catch((error: unknown) => {
    if (error instanceof TRPCError && ['NOT_FOUND', 'BAD_REQUEST'].includes(error.code)) notFound();
    throw error;
  });
  const money = (amount: number) => formatMoney({ amount, currency: offer.total.currency });
  const adjustment = offer.adjustment.amount;
  return (
    <>
      <PageHeader
        title={`Your offer from ${offer.orgName}`}
        description={`${offer.offeringName ?? ''}${offer.startsAt ? ` · ${formatDateTime(offer.startsAt, offer.timeZone)}` : ''}`}
      />
      <Card>
        <table className="w-full text-left text-sm">
          <caption className="mb-2 text-left text-lg font-semibold">
            Offer {offer.reference} for {offer.contact.name}
          </caption>
          <thead className="border-b border-slate-200 text-slate-700">
            <tr>
              <th scope="col" className="py-2 pr-4 font-semibold">
                What
              </th>
              <th scope="col" className="py-2 pr-4 font-semibold">
                Quantity
              </th>
              <th scope="col" className="py-2 text-right font-semibold">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {offer.lines.map((line, index) => (
              <tr key={index} className="border-b border-slate-100">
                <td className="py-2 pr-4">{line.description}</td>
                <td className="py-2 pr-4">{line.quantity}</td>
                <td className="py-2 text-right">{money(line.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {adjustment !== 0 ? (
              <tr>
                <th scope="row" colSpan={2} className="py-2 pr-4 text-left font-medium">
                  {adjustment < 0 ? 'Discount' : 'Adjustment'}
                </th>
                <td className="py-2 text-right">{money(adjustment)}</td>
              </tr>
            ) : null}
            <tr>
              <th scope="row" colSpan={2} className="py-2 pr-4 text-left font-semibold">
                Total
              </th>
              <td className="py-2 text-right font-semibold" data-testid="offer-total">
                {formatMoney(offer.total)}
              </td>
            </tr>
          </tfoot>
        </table>
      </Card>
      <div className="mt-6">
        {offer.status === 'sent' ? (
          <>
            <p className="mb-4 text-slate-700">
              Valid until {offer.validUntil ? formatDateTime(offer.validUntil, offer.timeZone) : ''}
              . The places are held when you accept, then you pay by card.
            </p>
            <AcceptForm token={token} totalText={formatMoney(offer.total)} />
          </>
        ) : offer.status === 'accepted' ? (
          <Alert tone="success" title="You accepted this offer">
            Your booking is {offer.bookingReference}.
          </Alert>
        ) : (
          <Alert tone="warning" title="This offer has expired">
            Ask {offer.orgName} for a new one: prices and places may have changed.
          </Alert>
        )}
      </div>
    </>
  );
}

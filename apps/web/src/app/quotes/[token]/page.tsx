import { Alert, Card, PageHeader, QuoteLinesTable, formatDateTime, formatMoney } from '@tessera/ui';
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
  const adjustment = offer.adjustment.amount;
  return (
    <>
      <PageHeader
        title={`Your offer from ${offer.orgName}`}
        description={`${offer.offeringName ?? ''}${offer.startsAt ? ` · ${formatDateTime(offer.startsAt, offer.timeZone)}` : ''}`}
      />
      <Card>
        <QuoteLinesTable
          caption={`Offer ${offer.reference} for ${offer.contact.name}`}
          lines={offer.lines}
          summary={
            adjustment !== 0
              ? [{ label: adjustment < 0 ? 'Discount' : 'Adjustment', amount: adjustment }]
              : []
          }
          total={offer.total}
          totalTestId="offer-total"
        />
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

'use client';

import { useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@tessera/api';
import { useTRPC } from '@tessera/client/react';
import { formatMoney } from '@tessera/ui';

type HoldItem = RouterOutputs['holds']['get']['items'][number];

/** The held items and the price checkout will charge (with a promo code tried). */
export function HoldSummary({
  holdId,
  items,
  promoCode,
}: {
  holdId: string;
  items: HoldItem[];
  promoCode: string | undefined;
}) {
  const trpc = useTRPC();
  const price = useQuery(
    trpc.holds.price.queryOptions(
      { holdId, promoCode },
      { retry: false, placeholderData: (previous) => previous },
    ),
  );
  const quote = price.data;
  const money = (amount: number) =>
    formatMoney({ amount, currency: quote?.currency ?? items[0]?.unitPrice.currency ?? 'EUR' });

  return (
    <section aria-labelledby="summary-heading" className="flex flex-col gap-2">
      <h2 id="summary-heading" className="text-lg font-semibold text-slate-900">
        Your booking
      </h2>
      <ul className="flex flex-col gap-1 text-sm">
        {items.map((item, index) => (
          <li
            key={`${item.seatId ?? item.ticketTypeId ?? item.addOnId ?? ''}-${index}`}
            className="flex justify-between gap-2"
          >
            <span>
              {item.quantity > 1 ? `${item.quantity} × ` : null}
              {item.description}
            </span>
            <span>
              {formatMoney({
                amount: item.unitPrice.amount * item.quantity,
                currency: item.unitPrice.currency,
              })}
            </span>
          </li>
        ))}
      </ul>
      {quote ? (
        <dl
          aria-label="Price breakdown"
          className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 border-t border-slate-200 pt-2 text-sm"
        >
          <dt>Subtotal</dt>
          <dd className="text-right">{money(quote.subtotal)}</dd>
          {quote.discount > 0 ? (
            <>
              <dt>Discount{promoCode ? ` (${promoCode})` : null}</dt>
              <dd className="text-right">−{money(quote.discount)}</dd>
            </>
          ) : null}
          <dt>{quote.taxInclusive ? 'Tax (included)' : 'Tax'}</dt>
          <dd className="text-right">{money(quote.tax)}</dd>
          <dt className="font-semibold">Total</dt>
          <dd className="text-right font-semibold" data-testid="checkout-total">
            {money(quote.total)}
          </dd>
        </dl>
      ) : price.isPending ? (
        <p className="text-sm text-slate-600">Working out the total…</p>
      ) : null}
    </section>
  );
}

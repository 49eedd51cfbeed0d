'use client';

import type { RouterOutputs } from '@tessera/api';
import { readApiError } from '@tessera/client';
import { Alert, Button, Card, Field, formatMoney } from '@tessera/ui';
import { useState } from 'react';
import type { Journey } from '~/lib/journey';
import { useCreateHold } from '~/lib/use-create-hold';
import type { DateBookingOffering } from './date-booking';

type Availability = RouterOutputs['availability']['occurrence'];

const LOW_STOCK = 10;

export function TicketSelection({
  occurrenceId,
  offering,
  journey,
  availability,
}: {
  occurrenceId: string;
  offering: DateBookingOffering;
  /** Trips: the stops chosen in the search; availability's prices are its fares. */
  journey?: Journey;
  availability: Availability;
}) {
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [problem, setProblem] = useState<{
    message: string;
    fieldErrors: Record<string, string[] | undefined>;
  } | null>(null);
  const { hold, pending } = useCreateHold(offering.slug, journey);
  const { currency } = availability;

  const rows = availability.ticketTypes.map((type) => {
    const limits = offering.ticketTypes.find((item) => item.id === type.id);
    const max = Math.max(
      0,
      Math.min(type.remaining, limits?.maxPerOrder ?? offering.maxPerOrder, offering.maxPerOrder),
    );
    return { ...type, description: limits?.description ?? '', min: limits?.minPerOrder ?? 1, max };
  });
  const count = rows.reduce((sum, row) => sum + (quantities[row.id] ?? 0), 0);
  const total = rows.reduce((sum, row) => sum + (quantities[row.id] ?? 0) * row.price, 0);

  async function onContinue() {
    setProblem(null);
    const tickets = rows
      .map((row) => ({ ticketTypeId: row.id, quantity: quantities[row.id] ?? 0 }))
      .filter((ticket) => ticket.quantity > 0);
    try {
      await hold({ occurrenceId, tickets });
    } catch (error) {
      setProblem(readApiError(error));
    }
  }

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <section aria-labelledby="tickets-heading" className="flex flex-col gap-3 lg:col-span-2">
        <h2 id="tickets-heading" className="text-xl font-semibold text-slate-900">
          Choose your tickets
        </h2>
        {rows.map((row) => {
          const soldOut = row.remaining <= 0;
          const stock = soldOut
            ? 'Sold out'
            : row.remaining <= LOW_STOCK
              ? `Only ${row.remaining} left`
              : `${row.remaining} available`;
          return (
            <Card key={row.id} className="flex flex-wrap items-end justify-between gap-3 p-4">
              <div>
                <h3 className="font-semibold text-slate-900">{row.name}</h3>
                {row.description ? (
                  <p className="text-sm text-slate-700">{row.description}</p>
                ) : null}
                <p className="text-sm text-slate-800">
                  {formatMoney({ amount: row.price, currency })}
                  {journey ? ` for ${journey.label}` : null} ·{' '}
                  <span
                    className={
                      row.remaining <= LOW_STOCK ? 'font-semibold text-amber-900' : undefined
                    }
                  >
                    {stock}
                  </span>
                </p>
              </div>
              <Field
                className="w-36"
                label={`${row.name} tickets`}
                type="number"
                inputMode="numeric"
                min={0}
                max={row.max}
                step={1}
                disabled={soldOut}
                value={quantities[row.id] ?? 0}
                hint={soldOut ? undefined : `Up to ${row.max}`}
                errors={problem?.fieldErrors[row.id]}
                onChange={(event) => {
                  const parsed = Number.parseInt(event.target.value, 10);
                  const quantity = Number.isNaN(parsed)
                    ? 0
                    : Math.max(0, Math.min(row.max, parsed));
                  setQuantities((current) => ({ ...current, [row.id]: quantity }));
                }}
              />
            </Card>
          );
        })}
      </section>
      <aside aria-labelledby="summary-heading" className="lg:sticky lg:top-4 lg:self-start">
        <Card className="flex flex-col gap-3">
          <h2 id="summary-heading" className="text-lg font-semibold text-slate-900">
            Your tickets
          </h2>
          {problem ? <Alert tone="error">{problem.message}</Alert> : null}
          <p className="text-sm text-slate-700">
            {count === 0 ? 'No tickets chosen yet.' : `${count} ticket${count === 1 ? '' : 's'}`}
          </p>
          <p className="flex justify-between border-t border-slate-200 pt-2 font-semibold">
            <span>Total</span>
            <span data-testid="selection-total">{formatMoney({ amount: total, currency })}</span>
          </p>
          <Button onClick={onContinue} disabled={count === 0 || pending} pending={pending}>
            Continue
          </Button>
        </Card>
      </aside>
    </div>
  );
}

'use client';

import type { RouterOutputs } from '@tessera/api';
import { readApiError } from '@tessera/client';
import { Alert, Button, Card, formatMoney, formatMoneyCode } from '@tessera/ui';
import {
  categoryColor,
  SeatMap,
  SeatMapLegend,
  type SeatMapCategory,
  type SeatMapSeat,
} from '@tessera/ui/seat-map';
import { useMemo, useState } from 'react';
import { detailIds } from '~/lib/api-errors';
import type { Journey } from '~/lib/journey';
import { useCreateHold } from '~/lib/use-create-hold';
import type { DateBookingOffering } from './date-booking';

type Availability = RouterOutputs['availability']['occurrence'];
type Seat = NonNullable<Availability['seats']>[number];

const seatName = (seat: Seat) => `${seat.section}, row ${seat.row}, seat ${seat.number}`;

export function SeatSelection({
  occurrenceId,
  offering,
  journey,
  availability,
  onStale,
}: {
  occurrenceId: string;
  offering: DateBookingOffering;
  journey?: Journey;
  availability: Availability & { seats: Seat[] };
  onStale: () => void;
}) {
  // For a trip's journey, availability was asked for its stops: prices are its fares.
  const { currency, ticketTypes, seats } = availability;
  const [selected, setSelected] = useState<string[]>([]);
  const [lostSeats, setLostSeats] = useState<Seat[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [needsAccessible, setNeedsAccessible] = useState(false);
  const { hold, pending } = useCreateHold(offering.slug, journey);
  const limit = offering.maxPerOrder;

  const categories = useMemo<SeatMapCategory[]>(() => {
    const ids = [...new Set(seats.map((seat) => seat.category))];
    return ids.map((id, index) => {
      const ticketType = ticketTypes.find((type) => type.seatCategory === id);
      // A category no fare names (a coach's seats) sells at the default fare, as its seats say.
      const price = ticketType
        ? ticketType.price
        : (seats.find((seat) => seat.category === id)?.price ?? null);
      return {
        id,
        name: ticketType?.name ?? id,
        color: categoryColor(index),
        priceText: price === null ? undefined : formatMoney({ amount: price, currency }),
      };
    });
  }, [seats, ticketTypes, currency]);

  const mapSeats = useMemo<SeatMapSeat[]>(
    () =>
      seats.map((seat) => ({
        ...seat,
        // No price: no fare sells the seat's category; the hold says so if it is chosen.
        priceText: seat.price === null ? null : formatMoneyCode({ amount: seat.price, currency }),
      })),
    [seats, currency],
  );

  const byId = useMemo(() => new Map(seats.map((seat) => [seat.id, seat])), [seats]);
  const chosen = selected
    .map((id) => byId.get(id))
    .filter((seat): seat is Seat => seat !== undefined);
  const total = chosen.reduce((sum, seat) => sum + (seat.price ?? 0), 0);
  const pricedAtCheckout = chosen.some((seat) => seat.price === null);
  const sections = [...new Set(seats.map((seat) => seat.section))];
  const accessibleChosen = chosen.filter((seat) => seat.accessible);

  function toggle(seat: SeatMapSeat) {
    setProblem(null);
    setSelected((current) => {
      if (current.includes(seat.id)) return current.filter((id) => id !== seat.id);
      if (current.length >= limit) {
        setProblem(`You can choose up to ${limit} seats in one booking.`);
        return current;
      }
      return [...current, seat.id];
    });
  }

  async function onContinue() {
    setProblem(null);
    setLostSeats([]);
    try {
      await hold({
        occurrenceId,
        seatIds: selected,
        accessibleSeating: accessibleChosen.length > 0 && needsAccessible,
      });
    } catch (error) {
      const apiError = readApiError(error);
      if (apiError.appCode === 'SEAT_TAKEN') {
        const lostIds = new Set(detailIds(error, 'seatIds'));
        setLostSeats(seats.filter((seat) => lostIds.has(seat.id)));
        // Keep the seats that are still free; the map shows the lost ones as taken.
        setSelected((current) => current.filter((id) => !lostIds.has(id)));
        onStale();
        if (lostIds.size === 0) setProblem(apiError.message);
        return;
      }
      setProblem(apiError.message);
      onStale();
    }
  }

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <section aria-labelledby="map-heading" className="flex flex-col gap-4 lg:col-span-2">
        <h2 id="map-heading" className="text-xl font-semibold text-slate-900">
          Choose your seats
        </h2>
        <p className="text-sm text-slate-700">
          Click a seat, or move between seats with the arrow keys and press Enter or Space.
          {availability.remaining <= 20 ? ` Only ${availability.remaining} seats left.` : null}
        </p>
        {journey ? (
          <p className="text-sm text-slate-700" data-testid="journey-fare">
            Prices are the fares for your journey, {journey.label}.
          </p>
        ) : null}
        <SeatMapLegend categories={categories} />
        {sections.map((section) => (
          <div key={section} className="rounded-lg border border-slate-200 bg-white p-3">
            <h3 className="mb-2 text-sm font-semibold text-slate-800">{section}</h3>
            <SeatMap
              label={`${section} seats`}
              seats={mapSeats.filter((seat) => seat.section === section)}
              categories={categories}
              selectedIds={new Set(selected)}
              onToggle={toggle}
            />
          </div>
        ))}
      </section>
      <aside aria-labelledby="selection-heading" className="lg:sticky lg:top-4 lg:self-start">
        <Card className="flex flex-col gap-3">
          <h2 id="selection-heading" className="text-lg font-semibold text-slate-900">
            Your seats
          </h2>
          {lostSeats.length > 0 ? (
            <Alert tone="warning" title="Some seats were just taken">
              <p>
                {lostSeats.map(seatName).join('; ')} {lostSeats.length === 1 ? 'was' : 'were'}{' '}
                booked by someone else a moment ago.
              </p>
              <p className="mt-1">
                {chosen.length > 0
                  ? 'Your other seats are still selected: continue, or add another seat.'
                  : 'Please choose other seats.'}
              </p>
            </Alert>
          ) : null}
          {problem ? <Alert tone="error">{problem}</Alert> : null}
          {chosen.length === 0 ? (
            <p className="text-sm text-slate-700">No seats chosen yet.</p>
          ) : (
            <ul aria-label="Chosen seats" className="flex flex-col gap-1 text-sm">
              {chosen.map((seat) => (
                <li key={seat.id} className="flex items-center justify-between gap-2">
                  <span>{seatName(seat)}</span>
                  <span className="flex items-center gap-2">
                    {seat.price !== null
                      ? formatMoney({ amount: seat.price, currency })
                      : 'Fare at checkout'}
                    <button
                      type="button"
                      className="rounded text-brand-700 underline focus-visible:outline-2 focus-visible:outline-brand-600"
                      aria-label={`Remove ${seatName(seat)}`}
                      onClick={() =>
                        setSelected((current) => current.filter((id) => id !== seat.id))
                      }
                    >
                      Remove
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="flex justify-between border-t border-slate-200 pt-2 font-semibold">
            <span>Total</span>
            <span data-testid="selection-total">
              {pricedAtCheckout ? 'Shown at checkout' : formatMoney({ amount: total, currency })}
            </span>
          </p>
          {accessibleChosen.length > 0 ? (
            <label className="flex items-start gap-2 rounded-md bg-slate-50 p-2 text-sm text-slate-800">
              <input
                type="checkbox"
                className="mt-1"
                checked={needsAccessible}
                onChange={(event) => setNeedsAccessible(event.target.checked)}
              />
              <span>
                I need an accessible place: {accessibleChosen.map(seatName).join('; ')}{' '}
                {accessibleChosen.length === 1 ? 'is a wheelchair place' : 'are wheelchair places'},
                kept for customers who need one.
              </span>
            </label>
          ) : null}
          <Button onClick={onContinue} disabled={chosen.length === 0 || pending} pending={pending}>
            Continue
          </Button>
        </Card>
      </aside>
    </div>
  );
}

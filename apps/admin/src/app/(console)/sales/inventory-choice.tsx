'use client';

import { Field, formatDateTime, formatMoney, formatMoneyCode } from '@tessera/ui';
import {
  SeatMap,
  SeatMapLegend,
  type SeatMapCategory,
  type SeatMapSeat,
} from '@tessera/ui/seat-map';
import { useMemo, useState } from 'react';

/** Category fills, dark enough for a 3:1 contrast on white (as on the site). */
const PALETTE = ['#b45309', '#1d4ed8', '#047857', '#7e22ce', '#be123c', '#0e7490'];

export interface SaleSeat extends Omit<SeatMapSeat, 'priceText'> {
  price: number | null;
}

export interface SaleTicketType {
  id: string;
  name: string;
  price: number;
  remaining: number;
  seatCategory: string | null;
}

/** What is on sale: a date's seats or tickets, or an appointment's free slots. */
export type SaleTarget =
  | {
      kind: 'occurrence';
      occurrenceId: string;
      currency: string;
      seats: SaleSeat[] | null;
      ticketTypes: SaleTicketType[];
    }
  | {
      kind: 'slots';
      offeringId: string;
      currency: string;
      price: number | null;
      timeZone: string;
      slots: { start: string; resourceId: string }[];
    };

/** The inventory part of a sale or quote form: seats on the map, ticket quantities or a slot. */
export function InventoryChoice({
  target,
  values,
  errors,
  onCount,
}: {
  target: SaleTarget;
  values: Record<string, string>;
  /** The server's refusal of the choice as a whole (sold out, nothing chosen). */
  errors: string[] | undefined;
  onCount: (count: number) => void;
}) {
  return (
    <>
      {target.kind === 'slots' ? (
        <SlotChoice target={target} />
      ) : (
        <OccurrenceChoice target={target} values={values} onCount={onCount} />
      )}
      {errors ? <p className="text-sm font-medium text-red-700">{errors.join(' ')}</p> : null}
    </>
  );
}

function OccurrenceChoice({
  target,
  values,
  onCount,
}: {
  target: Extract<SaleTarget, { kind: 'occurrence' }>;
  values: Record<string, string>;
  onCount: (count: number) => void;
}) {
  return (
    <>
      <input type="hidden" name="occurrenceId" value={target.occurrenceId} />
      {target.seats ? (
        <SeatChoice
          seats={target.seats}
          ticketTypes={target.ticketTypes}
          currency={target.currency}
          onCount={onCount}
        />
      ) : (
        <TicketChoice
          ticketTypes={target.ticketTypes}
          currency={target.currency}
          values={values}
          onCount={onCount}
        />
      )}
    </>
  );
}

function SeatChoice({
  seats,
  ticketTypes,
  currency,
  onCount,
}: {
  seats: SaleSeat[];
  ticketTypes: SaleTicketType[];
  currency: string;
  onCount: (count: number) => void;
}) {
  const [selected, setSelected] = useState<string[]>([]);
  const categories = useMemo<SeatMapCategory[]>(
    () =>
      [...new Set(seats.map((seat) => seat.category))].map((id, index) => {
        const type = ticketTypes.find((ticketType) => ticketType.seatCategory === id);
        return {
          id,
          name: type?.name ?? id,
          color: PALETTE[index % PALETTE.length] ?? '#334155',
          priceText: type ? formatMoney({ amount: type.price, currency }) : undefined,
        };
      }),
    [seats, ticketTypes, currency],
  );
  const mapSeats = useMemo<SeatMapSeat[]>(
    () =>
      seats.map((seat) => ({
        ...seat,
        priceText: seat.price === null ? null : formatMoneyCode({ amount: seat.price, currency }),
      })),
    [seats, currency],
  );
  const chosen = seats.filter((seat) => selected.includes(seat.id));
  const toggle = (seat: SeatMapSeat) => {
    if (seat.status !== 'free') return;
    const next = selected.includes(seat.id)
      ? selected.filter((id) => id !== seat.id)
      : [...selected, seat.id];
    setSelected(next);
    onCount(next.length);
  };
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-lg font-semibold text-slate-900">Seats</legend>
      <SeatMapLegend categories={categories} />
      <SeatMap
        seats={mapSeats}
        categories={categories}
        selectedIds={new Set(selected)}
        onToggle={toggle}
        label="Seat map"
      />
      {selected.map((id) => (
        <input key={id} type="hidden" name="seatId" value={id} />
      ))}
      {chosen.some((seat) => seat.accessible) ? (
        <input type="hidden" name="accessibleSeating" value="yes" />
      ) : null}
      <p role="status" className="text-sm text-slate-700">
        {chosen.length
          ? `Chosen: ${chosen.map((seat) => `${seat.section} row ${seat.row} seat ${seat.number}`).join('; ')}`
          : 'Choose the seats on the map (arrow keys move, Enter chooses).'}
      </p>
    </fieldset>
  );
}

function TicketChoice({
  ticketTypes,
  currency,
  values,
  onCount,
}: {
  ticketTypes: SaleTicketType[];
  currency: string;
  values: Record<string, string>;
  onCount: (count: number) => void;
}) {
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const change = (id: string, quantity: number) => {
    const next = { ...quantities, [id]: Number.isFinite(quantity) ? quantity : 0 };
    setQuantities(next);
    onCount(Object.values(next).reduce((sum, count) => sum + Math.max(0, count), 0));
  };
  const sold = ticketTypes.filter((type) => type.seatCategory === null);
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-lg font-semibold text-slate-900">Tickets</legend>
      {sold.length === 0 ? (
        <p className="text-slate-700">No tickets are on sale for this date.</p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        {sold.map((type) => (
          <Field
            key={type.id}
            label={`${type.name} (${formatMoney({ amount: type.price, currency })})`}
            hint={`${type.remaining} left`}
            name={`qty:${type.id}`}
            type="number"
            min={0}
            max={type.remaining}
            defaultValue={values[`qty:${type.id}`] ?? '0'}
            onChange={(event) => change(type.id, event.currentTarget.valueAsNumber)}
          />
        ))}
      </div>
    </fieldset>
  );
}

function SlotChoice({ target }: { target: Extract<SaleTarget, { kind: 'slots' }> }) {
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-lg font-semibold text-slate-900">
        Time ({target.timeZone})
        {target.price !== null
          ? `, ${formatMoney({ amount: target.price, currency: target.currency })}`
          : ''}
      </legend>
      <input type="hidden" name="offeringId" value={target.offeringId} />
      {target.slots.length === 0 ? (
        <p className="text-slate-700">No free time in the next 7 days.</p>
      ) : (
        <div className="grid gap-2 sm:grid-cols-3">
          {target.slots.map((slot) => (
            <label
              key={`${slot.resourceId}|${slot.start}`}
              className="flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2"
            >
              <input type="radio" name="slot" value={`${slot.resourceId}|${slot.start}`} required />
              {formatDateTime(slot.start, target.timeZone)}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

'use client';

import type { StaffSaleResult } from '@tessera/api/domain/sales/schemas';
import {
  Alert,
  Button,
  Card,
  Field,
  formatDateTime,
  formatMoney,
  formatMoneyCode,
} from '@tessera/ui';
import {
  SeatMap,
  SeatMapLegend,
  type SeatMapCategory,
  type SeatMapSeat,
} from '@tessera/ui/seat-map';
import Link from 'next/link';
import { useActionState, useMemo, useState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState, type FormState } from '~/lib/form-state';
import { createSale } from '../actions';
import { PaymentChoice } from './payment-choice';

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

const initialSale: FormState<StaffSaleResult> = initialFormState;

/** The chosen inventory, the customer's contact and how they pay; one sale per idempotency key. */
export function SaleForm({ target, cardPayments }: { target: SaleTarget; cardPayments: boolean }) {
  const [state, action, pending] = useActionState(createSale, initialSale);
  // One key per form: a double click or a resubmission books once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [places, setPlaces] = useState(0);

  if (state.result) return <SaleDone sale={state.result} />;
  return (
    <form action={action} className="flex flex-col gap-6" noValidate>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {target.kind === 'occurrence' ? (
        <>
          <input type="hidden" name="occurrenceId" value={target.occurrenceId} />
          {target.seats ? (
            <SeatChoice
              seats={target.seats}
              ticketTypes={target.ticketTypes}
              currency={target.currency}
              onCount={setPlaces}
            />
          ) : (
            <TicketChoice
              ticketTypes={target.ticketTypes}
              currency={target.currency}
              values={state.values}
              onCount={setPlaces}
            />
          )}
        </>
      ) : (
        <SlotChoice target={target} />
      )}
      {state.fieldErrors.inventory ? (
        <p className="text-sm font-medium text-red-700">{state.fieldErrors.inventory.join(' ')}</p>
      ) : null}
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold text-slate-900">Customer</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field
            label="Name"
            name="contact.name"
            required
            autoComplete="off"
            defaultValue={state.values['contact.name']}
            errors={state.fieldErrors['contact.name']}
          />
          <Field
            label="Email"
            name="contact.email"
            type="email"
            required
            autoComplete="off"
            hint="The payment link and the tickets go there."
            defaultValue={state.values['contact.email']}
            errors={state.fieldErrors['contact.email']}
          />
          <Field
            label="Phone"
            name="contact.phone"
            type="tel"
            autoComplete="off"
            defaultValue={state.values['contact.phone']}
            errors={state.fieldErrors['contact.phone']}
          />
        </div>
        {places > 0 ? (
          <div className="grid gap-4 sm:grid-cols-2">
            {Array.from({ length: places }, (_, index) => (
              <Field
                key={index}
                label={`Name on ticket ${index + 1}`}
                name="attendee"
                hint="Blank: the customer's name."
                errors={state.fieldErrors[`attendees.${index}.name`]}
              />
            ))}
          </div>
        ) : null}
      </fieldset>
      <PaymentChoice
        cardPayments={cardPayments}
        defaultValue={state.values.payment}
        errors={state.fieldErrors.payment}
      />
      <div>
        <Button type="submit" pending={pending}>
          {pending ? 'Booking…' : 'Book for the customer'}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
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

function SaleDone({ sale }: { sale: StaffSaleResult }) {
  const total = formatMoney(sale.total);
  return (
    <Card>
      <div className="flex flex-col gap-4">
        <Alert
          tone="success"
          title={`Booked: ${sale.reference} (${sale.status === 'confirmed' ? 'paid' : 'awaiting payment'})`}
        >
          {sale.paymentUrl
            ? `Total ${total}. The payment link was emailed to the customer; you can also read it out or send it yourself.`
            : sale.status === 'confirmed'
              ? `Total ${total}, paid. The confirmation with the tickets is emailed to the customer.`
              : `Total ${total}, to pay at the venue. Mark it paid on the booking page when they pay.`}
        </Alert>
        {sale.paymentUrl ? (
          <p className="break-all">
            <a href={sale.paymentUrl} className="font-medium text-brand-800 underline">
              Payment link
            </a>
            : <span data-testid="payment-url">{sale.paymentUrl}</span>
          </p>
        ) : null}
        <div className="flex flex-wrap gap-4">
          <Link
            href={`/bookings/${sale.reference}`}
            className="font-medium text-brand-800 underline"
          >
            Open booking {sale.reference}
          </Link>
          <Link href="/sales/new" className="font-medium text-brand-800 underline">
            New sale
          </Link>
        </div>
      </div>
    </Card>
  );
}

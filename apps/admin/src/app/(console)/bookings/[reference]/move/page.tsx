import { Alert, Button, Card, PageHeader, formatDateTime, formatMoney } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '~/components/action-form';
import { param, type SearchParams } from '~/lib/search-params';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';
import type { MoveOptions } from '@tessera/api/domain/booking-desk/schemas';
import { moveBooking } from './actions';

export const metadata: Metadata = { title: 'Move booking' };

/**
 * Staff move a booking's seats to other seats, on its date or another date of the offering,
 * or its general-admission tickets to another date or ticket type.
 */
export default async function MoveBookingPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<SearchParams>;
}) {
  await requireSession();
  const { reference } = await params;
  const api = await serverApi();
  const back = (
    <Link href={`/bookings/${reference}`} className="underline">
      Back to booking {reference}
    </Link>
  );
  let options;
  try {
    options = await api.staff.bookings.moveOptions({
      reference,
      occurrenceId: param(await searchParams, 'occurrence'),
    });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return (
      <Alert tone="warning" title="This booking cannot be moved here">
        {error.message} {back}
      </Alert>
    );
  }
  const when = (date: Date) => formatDateTime(date, options.timeZone);

  return (
    <>
      <PageHeader
        title={`Move booking ${reference}`}
        description={`Times in ${options.timeZone}. The new places are priced now; a difference is refunded or left to pay.`}
      />
      <p className="mb-4 text-sm">{back}</p>
      {options.seats.length + options.ticketLines.length === 0 ? (
        <Alert tone="info" title="Nothing to move">
          This booking has no seats or tickets left to move.
        </Alert>
      ) : (
        <div className="flex max-w-2xl flex-col gap-6">
          <Card>
            <form className="flex flex-wrap items-end gap-3">
              <label className="text-sm font-medium text-slate-900">
                Date
                <select
                  name="occurrence"
                  defaultValue={options.occurrenceId}
                  className="mt-1 block h-11 rounded-md border border-slate-400 bg-white px-3"
                >
                  {options.dates.map((date) => (
                    <option key={date.occurrenceId} value={date.occurrenceId}>
                      {when(date.startsAt)}
                    </option>
                  ))}
                </select>
              </label>
              <Button type="submit" variant="secondary">
                {options.kind === 'seats' ? 'Show free seats' : 'Show ticket types'}
              </Button>
            </form>
          </Card>
          <Card>
            {options.kind === 'seats' ? (
              <SeatChoices options={options} reference={reference} />
            ) : (
              <TicketChoices options={options} reference={reference} />
            )}
          </Card>
        </div>
      )}
    </>
  );
}

const selectClasses = 'mt-1 block h-11 w-full rounded-md border border-slate-400 bg-white px-3';

/** A new seat for each seat that moves (the others keep theirs), from the date's free seats. */
function SeatChoices({ options, reference }: { options: MoveOptions; reference: string }) {
  return (
    <>
      <h2 className="mb-2 font-semibold">New seats</h2>
      {options.freeSeats.length === 0 ? (
        <p className="text-sm">No seat is free on this date: choose another date.</p>
      ) : (
        <ActionForm
          action={moveBooking}
          fields={{ reference, occurrenceId: options.occurrenceId, kind: 'seats' }}
          label="Move booking"
          variant="primary"
        >
          {options.seats.map((seat) => (
            <label key={seat.bookingItemId} className="text-sm font-medium text-slate-900">
              New seat for {seat.description} ({formatMoney(seat.total)})
              <select name={`seat:${seat.bookingItemId}`} defaultValue="" className={selectClasses}>
                <option value="">Keep this seat</option>
                {options.freeSeats.map((free) => (
                  <option key={free.seatId} value={free.seatId} disabled={!free.price}>
                    {free.label} — {free.price ? formatMoney(free.price) : 'not on sale'}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </ActionForm>
      )}
    </>
  );
}

/** A ticket type on the chosen date for each ticket line (all of them move to another date). */
function TicketChoices({ options, reference }: { options: MoveOptions; reference: string }) {
  return (
    <>
      <h2 className="mb-2 font-semibold">Ticket types on this date</h2>
      {options.ticketTypes.length === 0 ? (
        <p className="text-sm">No ticket type is on sale on this date: choose another date.</p>
      ) : (
        <ActionForm
          action={moveBooking}
          fields={{ reference, occurrenceId: options.occurrenceId, kind: 'tickets' }}
          label="Move booking"
          variant="primary"
        >
          {options.ticketLines.map((line) => (
            <label key={line.bookingItemId} className="text-sm font-medium text-slate-900">
              {line.quantity} × {line.description} ({formatMoney(line.total)}) become
              <select
                name={`ticket:${line.bookingItemId}`}
                defaultValue={line.ticketTypeId}
                className={selectClasses}
              >
                {options.ticketTypes.map((type) => (
                  <option
                    key={type.ticketTypeId}
                    value={type.ticketTypeId}
                    disabled={type.remaining < line.quantity}
                  >
                    {type.name} — {formatMoney(type.price)} each, {type.remaining} left
                  </option>
                ))}
              </select>
            </label>
          ))}
        </ActionForm>
      )}
    </>
  );
}

'use client';

import type { RouterOutputs } from '@tessera/api';
import { Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { createTicketType } from '../actions';
import { updateTicketType } from './item-actions';

type TicketTypeView = RouterOutputs['staff']['catalog']['offering']['ticketTypes'][number];

/** An instant as a datetime-local value in `timeZone`: "2026-11-28T19:30". */
function localDateTimeValue(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(date)
    .replace(' ', 'T');
}

/** Adds a ticket type, or with `ticketType` edits that one (its fields filled in). */
export function TicketTypeForm({
  offeringId,
  currency,
  timeZone,
  ticketType,
}: {
  offeringId: string;
  currency: string;
  /** The offering's zone, which the sales window is typed in. */
  timeZone: string;
  ticketType?: TicketTypeView;
}) {
  const [state, action, pending] = useActionState(
    ticketType ? updateTicketType : createTicketType,
    initialFormState,
  );
  const errors = state.fieldErrors;
  // What was typed (after a refusal), else the stored value when editing.
  const value = (name: keyof TicketTypeView) => {
    const stored = ticketType?.[name];
    if (state.values[name] !== undefined) return state.values[name];
    if (stored instanceof Date) return localDateTimeValue(stored, timeZone);
    return stored === null || stored === undefined ? undefined : String(stored);
  };
  return (
    <form
      action={action}
      className="flex flex-col gap-4"
      noValidate
      aria-label={ticketType ? `Edit ticket type ${ticketType.name}` : 'New ticket type'}
    >
      <input type="hidden" name="offeringId" value={offeringId} />
      <input type="hidden" name="timeZone" value={timeZone} />
      {ticketType ? <input type="hidden" name="id" value={ticketType.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Name"
          name="name"
          required
          defaultValue={value('name')}
          errors={errors.name}
        />
        <Field
          label={`Price in minor units (${currency} cents)`}
          name="priceAmount"
          defaultValue={value('priceAmount')}
          type="number"
          min={0}
          required
          errors={errors.priceAmount}
        />
        <Field
          label="Places per date"
          name="quotaPerOccurrence"
          defaultValue={value('quotaPerOccurrence')}
          type="number"
          min={0}
          hint={
            ticketType
              ? 'Applies to every date to come; never below what is held or sold on one.'
              : 'For tickets without a seat map.'
          }
          errors={errors.quotaPerOccurrence}
        />
        <Field
          label="Seat category"
          name="seatCategory"
          defaultValue={value('seatCategory')}
          hint="Reserved seating: this price is for the map's seats of this category."
          errors={errors.seatCategory}
        />
        <Field
          label="At least per order"
          name="minPerOrder"
          type="number"
          min={1}
          defaultValue={value('minPerOrder') ?? '1'}
          errors={errors.minPerOrder}
        />
        <Field
          label="At most per order"
          name="maxPerOrder"
          type="number"
          min={1}
          defaultValue={value('maxPerOrder') ?? '10'}
          errors={errors.maxPerOrder}
        />
        <Field
          label={`Sales start (${timeZone})`}
          name="salesStartAt"
          type="datetime-local"
          hint="Empty: on sale as soon as a date is."
          defaultValue={value('salesStartAt')}
          errors={errors.salesStartAt}
        />
        <Field
          label={`Sales end (${timeZone})`}
          name="salesEndAt"
          type="datetime-local"
          hint="Empty: until each date's own sales end."
          defaultValue={value('salesEndAt')}
          errors={errors.salesEndAt}
        />
      </div>
      <div>
        <Button type="submit" pending={pending}>
          {ticketType ? 'Save ticket type' : 'Add ticket type'}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}

'use client';

import { Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { createTicketType } from '../actions';

export function TicketTypeForm({ offeringId, currency }: { offeringId: string; currency: string }) {
  const [state, action, pending] = useActionState(createTicketType, initialFormState);
  const errors = state.fieldErrors;
  const values = state.values;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="offeringId" value={offeringId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" required defaultValue={values.name} errors={errors.name} />
        <Field
          label={`Price in minor units (${currency} cents)`}
          name="priceAmount"
          defaultValue={values.priceAmount}
          type="number"
          min={0}
          required
          errors={errors.priceAmount}
        />
        <Field
          label="Places per date"
          name="quotaPerOccurrence"
          defaultValue={values.quotaPerOccurrence}
          type="number"
          min={0}
          hint="For tickets without a seat map."
          errors={errors.quotaPerOccurrence}
        />
        <Field
          label="Seat category"
          name="seatCategory"
          defaultValue={values.seatCategory}
          hint="Reserved seating: this price is for the map's seats of this category."
          errors={errors.seatCategory}
        />
        <Field
          label="At most per order"
          name="maxPerOrder"
          type="number"
          min={1}
          defaultValue={values.maxPerOrder ?? '10'}
          errors={errors.maxPerOrder}
        />
      </div>
      <div>
        <Button type="submit" pending={pending}>
          Add ticket type
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}

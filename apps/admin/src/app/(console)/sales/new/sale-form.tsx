'use client';

import type { StaffSaleResult } from '@tessera/api/domain/sales/schemas';
import { Alert, Button, Card, Field, formatMoney } from '@tessera/ui';
import Link from 'next/link';
import { useActionState, useState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState, type FormState } from '~/lib/form-state';
import { createSale } from '../actions';
import { ContactFields } from '../contact-fields';
import { InventoryChoice, type SaleTarget } from '../inventory-choice';
import { PaymentChoice } from './payment-choice';

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
      <InventoryChoice
        target={target}
        values={state.values}
        errors={state.fieldErrors.inventory}
        onCount={setPlaces}
      />
      <ContactFields state={state} emailHint="The payment link and the tickets go there.">
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
      </ContactFields>
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

import { configuredPayments } from '@tessera/api/domain/payments/configured';
import { PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import { accessFor } from '~/lib/access';
import type { SearchParams } from '~/lib/search-params';
import { inventoryStep } from '../inventory-steps';
import { SaleForm } from './sale-form';

export const metadata: Metadata = { title: 'New sale' };

/** A phone or desk sale: the offering, its date, then the places, the customer and the payment. */
export default async function NewSalePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const access = await accessFor(
    'bookings:sell',
    'Phone and desk sales are for owners, managers and agents.',
  );
  if ('denied' in access) return access.denied;
  const step = await inventoryStep(access.api, await searchParams, '/sales/new');
  return (
    <>
      <PageHeader
        title="New sale"
        description="Book for a customer on the phone or at the desk: the booking is sold through staff (agent)."
      />
      {step.target ? (
        <>
          <p className="mb-4">{step.back}</p>
          <h2 className="mb-3 text-lg font-semibold">{step.heading}</h2>
          <SaleForm
            target={step.target}
            cardPayments={configuredPayments().provider.name === 'stripe'}
          />
        </>
      ) : (
        step.view
      )}
    </>
  );
}

import { PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import { accessFor } from '~/lib/access';
import type { SearchParams } from '~/lib/search-params';
import { inventoryStep } from '../../sales/inventory-steps';
import { QuoteForm } from './quote-form';

export const metadata: Metadata = { title: 'New quote' };

/** The quote builder: the offering, its date, then the places, extras, price and customer. */
export default async function NewQuotePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const access = await accessFor(
    'bookings:sell',
    'Quotes are built by owners, managers and agents.',
  );
  if ('denied' in access) return access.denied;
  const step = await inventoryStep(access.api, await searchParams, '/quotes/new');
  return (
    <>
      <PageHeader
        title="New quote"
        description="Places are priced now and held only when the customer accepts; the total you save is what they pay."
      />
      {step.target ? (
        <>
          <p className="mb-4">{step.back}</p>
          <h2 className="mb-3 text-lg font-semibold">{step.heading}</h2>
          <QuoteForm target={step.target} />
        </>
      ) : (
        step.view
      )}
    </>
  );
}

import { PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { CheckoutForm } from '~/components/checkout-form';
import { loadOffering } from '~/lib/load-offering';

export const metadata: Metadata = { title: 'Checkout' };

interface Props {
  params: Promise<{ holdId: string }>;
  searchParams: Promise<{ offering?: string | string[] }>;
}

export default async function CheckoutPage({ params, searchParams }: Props) {
  const { holdId } = await params;
  if (!z.uuid().safeParse(holdId).success) notFound();
  // holds.get names the offering by id only, and the catalog looks offerings up by slug:
  // the date page passes the slug along so checkout can show the name and ask for attendees.
  const { offering: slug } = await searchParams;
  const offering = typeof slug === 'string' ? await loadOffering(slug) : null;

  return (
    <>
      <PageHeader title="Checkout" description={offering?.name} />
      <CheckoutForm
        holdId={holdId}
        offering={
          offering
            ? {
                id: offering.id,
                slug: offering.slug,
                kind: offering.kind,
                asksAttendeeNames: offering.attendeeFields.includes('name'),
              }
            : null
        }
      />
    </>
  );
}

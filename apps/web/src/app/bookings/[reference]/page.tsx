import type { Metadata } from 'next';
import { BookingDetails } from '~/components/booking-details';

interface Props {
  params: Promise<{ reference: string }>;
  searchParams: Promise<{ payment?: string | string[] }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Booking ${(await params).reference.toUpperCase()}` };
}

export default async function BookingPage({ params, searchParams }: Props) {
  const { reference } = await params;
  const { payment } = await searchParams;
  return (
    <BookingDetails
      reference={reference.toUpperCase()}
      paymentOutcome={payment === 'success' || payment === 'cancelled' ? payment : null}
    />
  );
}

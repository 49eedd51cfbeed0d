import { PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { OfferingsByKind } from '~/components/offerings-by-kind';
import { serverApi } from '~/trpc/server';

interface Props {
  params: Promise<{ slug: string }>;
}

/** What an organiser has on sale; null for a slug no published offering belongs to. */
const loadStorefront = cache(async (slug: string) => {
  if (
    !z
      .string()
      .regex(/^[a-z0-9-]{1,100}$/)
      .safeParse(slug).success
  )
    return null;
  const api = await serverApi();
  const { items } = await api.catalog.offerings({ orgSlug: slug, limit: 50 });
  const org = items[0]?.org;
  return org ? { org, items } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const storefront = await loadStorefront((await params).slug);
  return { title: storefront?.org.name ?? 'Not found' };
}

export default async function StorefrontPage({ params }: Props) {
  const storefront = await loadStorefront((await params).slug);
  if (!storefront) notFound();
  return (
    <>
      <PageHeader
        title={storefront.org.name}
        description="Everything this organiser has on sale. Times are shown where they happen."
      />
      <OfferingsByKind items={storefront.items} />
    </>
  );
}

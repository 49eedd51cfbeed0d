import { Alert, Card, PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import { catalogAccess } from '~/lib/catalog-access';
import { OfferingForm } from './offering-form';

export const metadata: Metadata = { title: 'New offering' };

export default async function NewOfferingPage() {
  const access = await catalogAccess();
  if ('denied' in access) return access.denied;
  if (!access.mayWrite)
    return (
      <Alert tone="warning" title="Not available to your role">
        Only owners and managers create offerings.
      </Alert>
    );
  const [venues, org] = await Promise.all([
    access.api.staff.catalog.venues(),
    access.api.staff.settings.profile(),
  ]);
  return (
    <>
      <PageHeader
        title="New offering"
        description="It starts as a draft: publish it on its page once it has prices and dates."
      />
      <Card>
        <OfferingForm venues={venues} defaultCurrency={org.currency} />
      </Card>
    </>
  );
}

import { Card, PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import { accessFor } from '~/lib/access';
import { TaxRateForm } from './tax-rate-form';

export const metadata: Metadata = { title: 'Tax rates' };

/** The org's tax rates: offerings and the org's default pick one; owners and managers edit them. */
export default async function TaxRatesPage() {
  const access = await accessFor('org:read', 'Your role does not see the organisation settings.');
  if ('denied' in access) return access.denied;
  const rates = await access.api.staff.settings.taxRates();
  const mayWrite = access.may('org:write');
  return (
    <>
      <PageHeader
        title="Tax rates"
        description="Inclusive rates are part of the prices shown; exclusive ones are added at checkout. Bookings keep the tax they were charged."
      />
      <div className="flex max-w-3xl flex-col gap-6">
        <Card>
          {rates.length === 0 ? (
            <p className="text-slate-700">No tax rate yet.</p>
          ) : mayWrite ? (
            <ul className="flex flex-col gap-6" aria-label="Tax rates">
              {rates.map((rate) => (
                <li key={rate.id}>
                  <TaxRateForm rate={rate} />
                </li>
              ))}
            </ul>
          ) : (
            <ul className="flex flex-col gap-1 text-sm" aria-label="Tax rates">
              {rates.map((rate) => (
                <li key={rate.id}>
                  {rate.name}: {rate.rateBasisPoints / 100} %,{' '}
                  {rate.inclusive ? 'included in prices' : 'added to prices'}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {mayWrite ? (
          <Card>
            <h2 className="mb-3 font-semibold text-slate-900">New tax rate</h2>
            <TaxRateForm />
          </Card>
        ) : null}
      </div>
    </>
  );
}

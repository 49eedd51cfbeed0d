import { Card, PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { accessFor } from '~/lib/access';
import { OrgProfileForm } from './org-profile-form';

export const metadata: Metadata = { title: 'Settings' };

/** The org's profile and defaults: owners and managers change them, auditors read them. */
export default async function SettingsPage() {
  const access = await accessFor('org:read', 'Your role does not see the organisation settings.');
  if ('denied' in access) return access.denied;
  const profile = await access.api.staff.settings.profile();
  const taxRate = profile.taxRates.find((rate) => rate.id === profile.defaultTaxRateId);
  return (
    <>
      <PageHeader
        title="Settings"
        description={`Your organisation's profile and the defaults new bookings and offerings use (${profile.slug}).`}
      />
      <Card>
        {access.may('org:write') ? (
          <OrgProfileForm profile={profile} />
        ) : (
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
            {(
              [
                ['Name', profile.name],
                ['Contact email', profile.contactEmail ?? 'None'],
                ['Time zone', profile.timeZone],
                ['Default currency', profile.currency],
                ['Hold time', `${profile.holdMinutes} minutes`],
                ['Default tax rate', taxRate ? taxRate.name : 'None'],
              ] as const
            ).map(([label, text]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-slate-800">{label}</dt>
                <dd className="text-slate-700">{text}</dd>
              </div>
            ))}
          </dl>
        )}
      </Card>
      <p className="mt-4 text-sm">
        <Link href="/settings/tax-rates" className="font-medium text-brand-800 underline">
          Tax rates
        </Link>
      </p>
    </>
  );
}

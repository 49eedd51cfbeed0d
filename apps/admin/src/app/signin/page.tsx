import { Card, PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { env } from '@tessera/api/env';
import { safeRedirectPath } from '@tessera/api/next';
import { auth } from '~/server/auth';
import { SignInForm } from './signin-form';

export const metadata: Metadata = { title: 'Staff sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  const target = safeRedirectPath(callbackUrl);
  if (await auth()) redirect(target);

  return (
    <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-12">
      <p className="mb-6 text-xl font-bold tracking-tight text-brand-800">Tessera console</p>
      <PageHeader
        title="Staff sign in"
        description="For operator staff: owners, managers, agents, check-in and auditors."
      />
      <Card>
        <SignInForm callbackUrl={target} bookingSiteUrl={env.PUBLIC_SITE_URL} />
      </Card>
    </main>
  );
}

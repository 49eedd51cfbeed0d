import { Card, PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { safeRedirectPath } from '@tessera/api/next';
import { auth } from '~/server/auth';
import { SignInForm } from './signin-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  const target = safeRedirectPath(callbackUrl);
  if (await auth()) redirect(target);

  return (
    <div className="mx-auto max-w-md">
      <PageHeader
        title="Sign in"
        description="Use the email and password of your Tessera account."
      />
      <Card>
        <SignInForm callbackUrl={target} />
      </Card>
      <p className="mt-4 text-sm text-slate-700">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline">
          Forgotten your password?
        </Link>
      </p>
      <p className="mt-2 text-sm text-slate-700">
        New to Tessera?{' '}
        <Link href="/signup" className="font-medium text-brand-700 underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}

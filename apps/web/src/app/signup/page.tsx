import { Card, PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { auth } from '~/server/auth';
import { SignUpForm } from './signup-form';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage() {
  if (await auth()) redirect('/');
  return (
    <div className="mx-auto max-w-md">
      <PageHeader
        title="Create an account"
        description="Keep your tickets and bookings in one place."
      />
      <Card>
        <SignUpForm />
      </Card>
      <p className="mt-4 text-sm text-slate-700">
        Already have an account?{' '}
        <Link href="/signin" className="font-medium text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}

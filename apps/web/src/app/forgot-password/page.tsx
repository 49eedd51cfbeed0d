import { Card, PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgotten password' };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <PageHeader
        title="Forgotten password"
        description="We email you a link to choose a new password."
      />
      <Card>
        <ForgotPasswordForm />
      </Card>
      <p className="mt-4 text-sm text-slate-700">
        Remembered it?{' '}
        <Link href="/signin" className="font-medium text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}

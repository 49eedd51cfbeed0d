import { Card, PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import { ResetPasswordForm } from './reset-password-form';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="Choose a new password" />
      <Card>
        <ResetPasswordForm token={token} />
      </Card>
    </div>
  );
}

import { Card, PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { serverApi } from '~/trpc/server';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const api = await serverApi();
  const me = await api.auth.me();
  if (!me) redirect('/signin?callbackUrl=/account');

  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Your account" />
      <Card>
        <dl className="grid gap-3">
          <div>
            <dt className="text-sm font-medium text-slate-600">Name</dt>
            <dd className="text-slate-900">{me.name}</dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-slate-600">Email</dt>
            <dd className="text-slate-900">{me.email}</dd>
          </div>
        </dl>
      </Card>
    </div>
  );
}

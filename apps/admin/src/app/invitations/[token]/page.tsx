import { Alert, Card, PageHeader, formatDateTime } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { roleLabel } from '~/lib/labels';
import { serverApi } from '~/trpc/server';
import { AcceptForm } from './accept-form';

export const metadata: Metadata = { title: 'Join the staff' };

/** Where an invitation email's link lands: no session needed, the link is the credential. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const preview = await (
    await serverApi()
  ).invitations
    .preview({ token })
    .catch((error: unknown) => {
      if (error instanceof TRPCError) return { refused: error.message };
      throw error;
    });
  return (
    <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-12">
      <p className="mb-6 text-xl font-bold tracking-tight text-brand-800">Tessera console</p>
      {'refused' in preview ? (
        <>
          <PageHeader title="This invitation cannot be used" />
          <Alert tone="warning" title="Invitation not valid">
            {preview.refused}
          </Alert>
          <p className="mt-6">
            <Link href="/signin" className="font-medium text-brand-800 underline">
              Staff sign in
            </Link>
          </p>
        </>
      ) : (
        <>
          <PageHeader
            title={`Join ${preview.orgName}`}
            description={`You are invited as ${roleLabel(preview.role)}, with ${preview.email}. The link works until ${formatDateTime(preview.expiresAt, 'UTC')} (UTC).`}
          />
          <Card>
            <AcceptForm token={token} hasAccount={preview.hasAccount} />
          </Card>
        </>
      )}
    </main>
  );
}

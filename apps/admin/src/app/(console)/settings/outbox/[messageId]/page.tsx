import { Alert, Badge, Card, PageHeader, formatDateTime } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RowAction } from '~/components/row-action';
import { accessFor } from '~/lib/access';
import { messageStatus } from '../message-labels';
import { resendMessage } from './actions';

export const metadata: Metadata = { title: 'Message' };

/** One message as recorded: its HTML in a sandboxed frame (no scripts), its text, its fate. */
export default async function MessagePage({ params }: { params: Promise<{ messageId: string }> }) {
  const access = await accessFor('messages:read', 'Your role does not see the email outbox.');
  if ('denied' in access) return access.denied;
  const { messageId } = await params;
  const message = await access.api.staff.outbox.get({ messageId }).catch((error: unknown) => {
    if (error instanceof TRPCError && ['NOT_FOUND', 'BAD_REQUEST'].includes(error.code)) notFound();
    throw error;
  });
  const status = messageStatus[message.status] ?? { label: message.status, tone: 'neutral' };
  const facts: [string, string][] = [
    ['To', message.recipient],
    ['Kind', message.template],
    ['Created', formatDateTime(message.createdAt, 'UTC')],
    ['Sent', message.sentAt ? formatDateTime(message.sentAt, 'UTC') : 'Not sent'],
    ['Attempts', String(message.attempts)],
  ];
  if (message.attachments.length > 0) facts.push(['Attachments', message.attachments.join(', ')]);
  return (
    <>
      <p className="mb-4">
        <Link href="/settings/outbox" className="font-medium text-brand-800 underline">
          Back to the outbox
        </Link>
      </p>
      <PageHeader title={message.subject ?? 'Text message'} description="Times in UTC." />
      <Card className="mb-6">
        <div className="mb-3 flex flex-wrap items-center gap-3">
          <Badge tone={status.tone}>{status.label}</Badge>
          {message.bookingReference ? (
            <Link
              href={`/bookings/${message.bookingReference}`}
              className="font-medium text-brand-800 underline"
            >
              Booking {message.bookingReference}
            </Link>
          ) : null}
          {message.status === 'failed' && access.may('messages:resend') ? (
            <RowAction
              action={resendMessage}
              fields={{ messageId: message.id }}
              label="Resend"
              accessibleLabel={`Resend this message to ${message.recipient}`}
            />
          ) : null}
        </div>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {facts.map(([label, text]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-800">{label}</dt>
              <dd className="break-all text-slate-700">{text}</dd>
            </div>
          ))}
        </dl>
        {message.error ? (
          <Alert tone="error" title="Last error" className="mt-4">
            {message.error}
          </Alert>
        ) : null}
      </Card>
      {message.bodyHtml ? (
        <section aria-labelledby="html-body" className="mb-6">
          <h2 id="html-body" className="mb-3 text-lg font-semibold text-slate-900">
            As the email shows it
          </h2>
          {/* An empty sandbox: no scripts, forms or navigation from the message's HTML. */}
          <iframe
            title="Email as sent (HTML)"
            sandbox=""
            srcDoc={message.bodyHtml}
            className="h-96 w-full rounded-lg border border-slate-200 bg-white"
          />
        </section>
      ) : null}
      <section aria-labelledby="text-body">
        <h2 id="text-body" className="mb-3 text-lg font-semibold text-slate-900">
          Text
        </h2>
        <pre
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 text-sm whitespace-pre-wrap text-slate-800"
          data-testid="message-text"
        >
          {message.bodyText}
        </pre>
      </section>
    </>
  );
}

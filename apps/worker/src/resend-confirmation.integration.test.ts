import { resendConfirmation } from '@tessera/api/domain/booking-desk/messages';
import { createStaffUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedTicketedBooking, startMailingWorker, type MailingWorker } from './test-support';

let worker: MailingWorker;

beforeAll(async () => {
  worker = await startMailingWorker('resend');
});
afterAll(() => worker.close());

describe('a confirmation resent by staff', () => {
  it('reaches the customer once more, tickets attached, and is not texted again', async () => {
    const booking = await seedTicketedBooking(
      worker.testDb.db,
      new Date(Date.now() + 10 * 86_400_000),
      {
        phone: '+1 212 555 0111',
      },
    );
    const mails = () =>
      worker.smtp.received.filter((mail) => mail.subject?.includes(booking.reference));
    const messages = () =>
      worker.testDb.db
        .selectFrom('outboundMessages')
        .select(['channel', 'template', 'status'])
        .where('bookingId', '=', booking.bookingId)
        .orderBy('createdAt')
        .execute();
    await vi.waitFor(() => expect(mails()).toHaveLength(1), { timeout: 15_000, interval: 50 });

    const { user } = await createStaffUser(worker.testDb.db, {
      org: { id: booking.orgId },
      role: 'agent',
    });
    const staff = {
      orgId: booking.orgId,
      role: 'agent' as const,
      actor: { userId: user.id, apiKeyId: null, label: user.email },
    };
    await resendConfirmation(worker.testDb.db, booking.reference, staff, 'test-request');

    await vi.waitFor(() => expect(mails()).toHaveLength(2), { timeout: 15_000, interval: 50 });
    const [first, again] = mails();
    expect(again?.subject).toBe(first?.subject);
    expect(again?.attachments.map((file) => file.filename)).toEqual([
      `tickets-${booking.reference}.pdf`,
      `booking-${booking.reference}.ics`,
    ]);
    await vi.waitFor(async () =>
      expect(await messages()).toEqual([
        { channel: 'email', template: 'booking.confirmed', status: 'sent' },
        { channel: 'sms', template: 'booking.confirmed', status: 'recorded' },
        { channel: 'email', template: 'booking.confirmation_resent', status: 'sent' },
      ]),
    );
  });
});

import { resendConfirmation } from '@tessera/api/domain/booking-desk/messages';
import { offlinePayments } from '@tessera/api/domain/payments/offline';
import { createStaffUser } from '@tessera/db/seed';
import { createTestDatabase, testEnv, type TestDatabase } from '@tessera/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startJobs, type RunningJobs } from './jobs';
import { createSmtpTransport, type SmtpTransport } from './mailer';
import { createRedisConnection } from './redis';
import {
  quietLog,
  seedTicketedBooking,
  startSmtpPeer,
  uniquePrefix,
  type SmtpPeer,
} from './test-support';

const prefix = uniquePrefix('resend');

let testDb: TestDatabase;
let smtp: SmtpPeer;
let transport: SmtpTransport;
let running: RunningJobs;

beforeAll(async () => {
  testDb = await createTestDatabase({ poolSize: 4 });
  smtp = await startSmtpPeer();
  transport = createSmtpTransport(smtp.url, 'Harbour Arts <tickets@harbour.test>');
  running = await startJobs({
    db: testDb.db,
    redisUrl: testEnv.TEST_REDIS_URL,
    prefix,
    transport,
    payments: { stripe: null, provider: offlinePayments },
    log: quietLog,
    relayPollIntervalMs: 50,
  });
});

afterAll(async () => {
  await running.close();
  const redis = createRedisConnection(testEnv.TEST_REDIS_URL, 'worker', quietLog);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  transport.close();
  await smtp.close();
  await testDb.drop();
});

describe('a confirmation resent by staff', () => {
  it('reaches the customer once more, tickets attached, and is not texted again', async () => {
    const booking = await seedTicketedBooking(testDb.db, new Date(Date.now() + 10 * 86_400_000), {
      phone: '+1 212 555 0111',
    });
    const mails = () => smtp.received.filter((mail) => mail.subject?.includes(booking.reference));
    const messages = () =>
      testDb.db
        .selectFrom('outboundMessages')
        .select(['channel', 'template', 'status'])
        .where('bookingId', '=', booking.bookingId)
        .orderBy('createdAt')
        .execute();
    await vi.waitFor(() => expect(mails()).toHaveLength(1), { timeout: 15_000, interval: 50 });

    const { user } = await createStaffUser(testDb.db, {
      org: { id: booking.orgId },
      role: 'agent',
    });
    const staff = {
      orgId: booking.orgId,
      role: 'agent' as const,
      actor: { userId: user.id, apiKeyId: null, label: user.email },
    };
    await resendConfirmation(testDb.db, booking.reference, staff, 'test-request');

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

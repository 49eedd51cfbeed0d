import {
  dueReminders,
  sendDueReminders,
  composeReminder,
} from '@tessera/api/domain/notifications/reminders';
import { composeNotification } from '@tessera/api/domain/notifications/compose';
import { deliverEmail } from '@tessera/api/domain/notifications/deliver';
import { resendStuckMessages } from '@tessera/api/domain/notifications/sweep';
import { verifyTicket } from '@tessera/api/domain/tickets/signature';
import { readPdfQrCodes } from '@tessera/api/domain/tickets/testing/read-pdf-qr';
import { offlinePayments } from '@tessera/api/domain/payments/offline';
import { createTestDatabase, testEnv, type TestDatabase } from '@tessera/db/testing';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startJobs, REMINDERS_EVERY_MS, MESSAGE_SWEEP_EVERY_MS, type RunningJobs } from './jobs';
import { createSmtpTransport, type SmtpTransport } from './mailer';
import { createRedisConnection } from './redis';
import {
  quietLog,
  seedTicketedBooking,
  startSmtpPeer,
  uniquePrefix,
  type SmtpPeer,
} from './test-support';

const HOUR = 3_600_000;
const prefix = uniquePrefix('tickets');

let testDb: TestDatabase;
let smtp: SmtpPeer;
let transport: SmtpTransport;
let running: RunningJobs | undefined;

beforeAll(async () => {
  testDb = await createTestDatabase({ poolSize: 4 });
  smtp = await startSmtpPeer();
  transport = createSmtpTransport(smtp.url, 'Harbour Arts <tickets@harbour.test>');
});

afterEach(async () => {
  await running?.close();
  running = undefined;
});

afterAll(async () => {
  const redis = createRedisConnection(testEnv.TEST_REDIS_URL, 'worker', quietLog);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  transport.close();
  await smtp.close();
  await testDb.drop();
});

const mailsAbout = (reference: string) =>
  smtp.received.filter((mail) => mail.subject?.includes(reference));

const messagesOf = (bookingId: string) =>
  testDb.db
    .selectFrom('outboundMessages')
    .selectAll()
    .where('bookingId', '=', bookingId)
    .orderBy('createdAt')
    .execute();

describe('the confirmation email', () => {
  it('carries the tickets PDF, whose QR codes verify, and a calendar file starting at the right UTC time; once', async () => {
    running = await startJobs({
      db: testDb.db,
      redisUrl: testEnv.TEST_REDIS_URL,
      prefix,
      transport,
      payments: { stripe: null, provider: offlinePayments },
      log: quietLog,
      relayPollIntervalMs: 50,
    });
    const startsAt = new Date('2027-03-14T23:30:00Z'); // 19:30 in New York
    const booking = await seedTicketedBooking(testDb.db, startsAt, { phone: '+1 212 555 0100' });

    await vi.waitFor(() => expect(mailsAbout(booking.reference)).toHaveLength(1), {
      timeout: 15_000,
      interval: 50,
    });
    const mail = mailsAbout(booking.reference)[0];
    expect(mail?.text).toContain('Your tickets are attached (PDF)');
    expect(mail?.attachments.map((file) => [file.filename, file.contentType])).toEqual([
      [`tickets-${booking.reference}.pdf`, 'application/pdf'],
      [`booking-${booking.reference}.ics`, 'text/calendar'],
    ]);

    const pdf = mail?.attachments[0]?.content ?? Buffer.alloc(0);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const payloads = readPdfQrCodes(pdf);
    // One QR per ticket, in whatever order pdfkit wrote the images.
    expect(payloads).toHaveLength(booking.ticketCodes.length);
    expect(payloads.map((payload) => verifyTicket(payload))).toEqual(
      expect.arrayContaining(
        booking.ticketCodes.map((code) => ({
          valid: true,
          code,
          occurrenceId: booking.occurrenceId,
        })),
      ),
    );
    // One character of the signature changed: refused.
    const tampered = (payloads[0] ?? '').replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    expect(verifyTicket(tampered)).toEqual({ valid: false, reason: 'bad_signature' });

    const ics = (mail?.attachments[1]?.content ?? Buffer.alloc(0))
      .toString('utf8')
      .replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('DTSTART:20270314T233000Z');
    expect(ics).toContain(`UID:${booking.reference}@tessera`);
    expect(ics).toContain('LOCATION:Pier 17 Hall\\, 89 South Street\\, New York\\, US');

    // The text goes to the phone, recorded only: no SMS provider is configured.
    await vi.waitFor(async () =>
      expect((await messagesOf(booking.bookingId)).map((row) => [row.channel, row.status])).toEqual(
        [
          ['email', 'sent'],
          ['sms', 'recorded'],
        ],
      ),
    );
    const [email, text] = await messagesOf(booking.bookingId);
    expect(email?.attachments).toEqual([
      `tickets-${booking.reference}.pdf`,
      `booking-${booking.reference}.ics`,
    ]);
    expect(text).toMatchObject({
      recipient: '+1 212 555 0100',
      template: 'booking.confirmed',
      dedupeKey: `sms:booking.confirmed:${booking.outboxId}`,
    });
    expect(text?.bodyText).toContain(`booking ${booking.reference} confirmed`);
    expect(text?.bodyText).toContain('19:30 (America/New_York)');

    // A booking without a phone gets its email and no text.
    const noPhone = await seedTicketedBooking(testDb.db, startsAt);
    await vi.waitFor(() => expect(mailsAbout(noPhone.reference)).toHaveLength(1), {
      timeout: 15_000,
      interval: 50,
    });
    await vi.waitFor(async () =>
      expect((await messagesOf(noPhone.bookingId)).map((row) => row.status)).toEqual(['sent']),
    );
    expect((await messagesOf(noPhone.bookingId)).map((row) => row.channel)).toEqual(['email']);
    expect(mailsAbout(booking.reference)).toHaveLength(1);
  });
});

describe('the confirmation without SMTP', () => {
  it('is recorded with the names of its attachments, for staff to see', async () => {
    const booking = await seedTicketedBooking(testDb.db, new Date('2027-05-01T18:00:00Z'));
    const email = await composeNotification(testDb.db, {
      outboxId: booking.outboxId,
      orgId: booking.orgId,
      eventType: 'booking.confirmed',
      bookingId: booking.bookingId,
      extras: {},
    });
    expect(email && (await deliverEmail(testDb.db, email, null))).toBe('recorded');
    expect(await messagesOf(booking.bookingId)).toMatchObject([
      {
        channel: 'email',
        status: 'recorded',
        attachments: [`tickets-${booking.reference}.pdf`, `booking-${booking.reference}.ics`],
      },
    ]);
  });
});

describe('reminders', () => {
  // Read when a test runs: the transport is made in beforeAll.
  const providers = () => ({ transport, sms: null });

  it('are due 24 hours and 2 hours before the start, one at a time, and only for bookings made before', async () => {
    const startsAt = new Date(Date.now() + 30 * 24 * HOUR);
    const early = await seedTicketedBooking(testDb.db, startsAt);
    const late = await seedTicketedBooking(testDb.db, startsAt, {
      confirmedAt: new Date(startsAt.getTime() - 5 * HOUR),
    });
    const dueAt = async (hoursBefore: number) =>
      (await dueReminders(testDb.db, new Date(startsAt.getTime() - hoursBefore * HOUR)))
        .filter((due) => due.bookingId === early.bookingId || due.bookingId === late.bookingId)
        .map((due) => [due.bookingId === early.bookingId ? 'early' : 'late', due.reminder]);

    expect(await dueAt(25)).toEqual([]);
    expect(await dueAt(24)).toEqual([['early', '24h']]);
    expect(await dueAt(3)).toEqual([['early', '24h']]);
    expect(await dueAt(2)).toEqual([
      ['early', '2h'],
      ['late', '2h'],
    ]);
    expect(await dueAt(0.5)).toEqual([
      ['early', '2h'],
      ['late', '2h'],
    ]);
    expect(await dueAt(0)).toEqual([]);
    expect(await dueAt(-1)).toEqual([]);
  });

  it('are sent once however often the scan runs, by email and text, and not for a cancelled booking', async () => {
    const startsAt = new Date(Date.now() + 90 * 60_000); // in an hour and a half: the 2-hour reminder
    const kept = await seedTicketedBooking(testDb.db, startsAt, { phone: '+33 6 12 34 56 78' });
    const cancelled = await seedTicketedBooking(testDb.db, startsAt);
    await testDb.db
      .updateTable('bookings')
      .set({ status: 'cancelled', cancelledAt: new Date() })
      .where('id', '=', cancelled.bookingId)
      .execute();

    const runs = await Promise.all([
      sendDueReminders(testDb.db, providers()),
      sendDueReminders(testDb.db, providers()),
    ]);
    runs.push(await sendDueReminders(testDb.db, providers()));
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(1);
    expect(runs.every((run) => run.failed === 0)).toBe(true);

    const reminders = (await messagesOf(kept.bookingId)).filter(
      (row) => row.template === 'booking.reminder',
    );
    expect(reminders.map((row) => [row.channel, row.status, row.dedupeKey])).toEqual([
      ['email', 'sent', `booking.reminder:2h:${kept.bookingId}`],
      ['sms', 'recorded', `sms:booking.reminder:2h:${kept.bookingId}`],
    ]);
    expect(reminders[1]?.bodyText).toContain('Harbour Jazz Night starts in 2 hours');
    const mails = smtp.received.filter(
      (mail) => mail.subject === 'Reminder: Harbour Jazz Night starts in 2 hours',
    );
    expect(
      mails.filter((mail) => mail.to && JSON.stringify(mail.to).includes('ada@example.test')),
    ).toHaveLength(1);
    expect(mails[0]?.text).toMatch(/\(America\/New_York\)/);
    expect(
      (await messagesOf(cancelled.bookingId)).filter((row) => row.template === 'booking.reminder'),
    ).toEqual([]);
  });

  it('stop at a failure and send it again at the next run, after the ones never tried', async () => {
    const startsAt = new Date(Date.now() + 100 * 60_000);
    const first = await seedTicketedBooking(testDb.db, startsAt);
    const second = await seedTicketedBooking(testDb.db, new Date(startsAt.getTime() + 60_000));
    const statusOf = async (bookingId: string) =>
      (
        await testDb.db
          .selectFrom('outboundMessages')
          .select('status')
          .where('dedupeKey', '=', `booking.reminder:2h:${bookingId}`)
          .executeTakeFirst()
      )?.status;
    // Port 1 on loopback: nothing listens, the SMTP connection is refused.
    const refused = createSmtpTransport(
      'smtp://127.0.0.1:1',
      'Harbour Arts <tickets@harbour.test>',
    );
    try {
      const failedRun = await sendDueReminders(testDb.db, { transport: refused, sms: null });
      expect(failedRun).toMatchObject({ sent: 0, failed: 1 });
      expect(failedRun.error).toMatch(/ECONNREFUSED/);
    } finally {
      refused.close();
    }
    expect([await statusOf(first.bookingId), await statusOf(second.bookingId)]).toEqual([
      'failed',
      undefined,
    ]);
    const next = await dueReminders(testDb.db);
    const order = next
      .map((due) => due.bookingId)
      .filter((id) => id === first.bookingId || id === second.bookingId);
    expect(order).toEqual([second.bookingId, first.bookingId]);

    await sendDueReminders(testDb.db, providers());
    expect([await statusOf(first.bookingId), await statusOf(second.bookingId)]).toEqual([
      'sent',
      'sent',
    ]);
  });

  it('skips a booking cancelled between the scan and the send', async () => {
    const startsAt = new Date(Date.now() + 20 * HOUR);
    const booking = await seedTicketedBooking(testDb.db, startsAt);
    const due = (await dueReminders(testDb.db)).find((row) => row.bookingId === booking.bookingId);
    expect(due?.reminder).toBe('24h');
    await testDb.db
      .updateTable('bookings')
      .set({ status: 'refunded' })
      .where('id', '=', booking.bookingId)
      .execute();
    expect(due && (await composeReminder(testDb.db, due))).toBeUndefined();
  });

  it('run every minute from the maintenance schedule, as does the stuck-message sweeper', async () => {
    running = await startJobs({
      db: testDb.db,
      redisUrl: testEnv.TEST_REDIS_URL,
      prefix,
      transport,
      payments: { stripe: null, provider: offlinePayments },
      log: quietLog,
    });
    const schedulers = await running.queues.maintenance.getJobSchedulers();
    expect(
      Object.fromEntries(schedulers.map((scheduler) => [scheduler.key, scheduler.every])),
    ).toMatchObject({
      'send-reminders': REMINDERS_EVERY_MS,
      'resend-stuck-messages': MESSAGE_SWEEP_EVERY_MS,
    });
    expect(REMINDERS_EVERY_MS).toBe(60_000);
  });
});

describe('the stuck-message sweeper', () => {
  it('sends once, with its attachments, a message claimed but never sent, and leaves a recent claim alone', async () => {
    const booking = await seedTicketedBooking(testDb.db, new Date(Date.now() + 40 * 24 * HOUR));
    // What a worker that died between claiming and sending leaves behind.
    const stuck = async (dedupeKey: string, minutesAgo: number) =>
      testDb.db
        .insertInto('outboundMessages')
        .values({
          orgId: booking.orgId,
          bookingId: booking.bookingId,
          channel: 'email',
          template: 'booking.confirmed',
          recipient: 'ada@example.test',
          subject: `Booking ${booking.reference} confirmed (${dedupeKey})`,
          bodyText: 'Your booking is confirmed.',
          bodyHtml: '<p>Your booking is confirmed.</p>',
          attachments: [`tickets-${booking.reference}.pdf`],
          dedupeKey,
          status: 'queued',
          claimedAt: sql<Date>`now() - make_interval(mins => ${minutesAgo})`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const old = await stuck(`stuck-old-${booking.bookingId}`, 10);
    const recent = await stuck(`stuck-recent-${booking.bookingId}`, 1);

    const sweeps = await Promise.all([
      resendStuckMessages(testDb.db, { transport, sms: null }),
      resendStuckMessages(testDb.db, { transport, sms: null }),
    ]);
    sweeps.push(await resendStuckMessages(testDb.db, { transport, sms: null }));
    expect(sweeps.reduce((sum, sweep) => sum + sweep.resent, 0)).toBe(1);

    const resent = mailsAbout(booking.reference).filter((mail) => mail.subject?.includes('stuck-'));
    expect(resent.map((mail) => mail.subject)).toEqual([
      `Booking ${booking.reference} confirmed (stuck-old-${booking.bookingId})`,
    ]);
    expect(resent[0]?.attachments.map((file) => file.filename)).toEqual([
      `tickets-${booking.reference}.pdf`,
    ]);
    expect(readPdfQrCodes(resent[0]?.attachments[0]?.content ?? Buffer.alloc(0))).toHaveLength(2);
    const rows = await testDb.db
      .selectFrom('outboundMessages')
      .select(['id', 'status'])
      .where('id', 'in', [old.id, recent.id])
      .execute();
    expect(Object.fromEntries(rows.map((row) => [row.id, row.status]))).toEqual({
      [old.id]: 'sent',
      [recent.id]: 'queued',
    });
  });
});

import { expect, test } from '@playwright/test';
import { startQueueWorker } from '@tessera/playwright-config/queue-worker';
import { BOOKING_SITE_URL } from './booking-site';
import { bookTickets, demoConcert, mutate } from './desk';
import { signIn } from './staff';
import { ADMIN_E2E_DATABASE } from './suite';

test.describe('the live feed', () => {
  // Booking events reach the org room through the outbox relay (the queue role), which this
  // suite does not run for every spec: this file starts one, on its own queue keys.
  let worker: Awaited<ReturnType<typeof startQueueWorker>> | undefined;
  test.beforeAll(async () => {
    worker = await startQueueWorker({
      databaseName: ADMIN_E2E_DATABASE,
      queuePrefix: `tessera-e2e-admin-feed-${process.pid}`,
      env: { PUBLIC_SITE_URL: BOOKING_SITE_URL },
    });
  });
  test.afterAll(async () => {
    await worker?.stop();
  });

  test('a booking and a check-in made while the dashboard is open appear without a reload', async ({
    page,
    request,
  }) => {
    const concert = await demoConcert();
    await signIn(page, 'manager@demo.test');
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    await expect(page.getByTestId('live-feed-state')).toHaveText(
      'Live: new bookings and check-ins appear here.',
    );
    // A mark on this very document: a reload would lose it.
    await page.evaluate(() => document.body.setAttribute('data-same-document', 'yes'));

    const { reference, codes } = await bookTickets(request, concert, ['Live Feed']);
    const feed = page.getByRole('list', { name: 'Bookings and check-ins, newest first' });
    const booked = feed.getByRole('listitem').filter({ hasText: reference });
    await expect(booked.filter({ hasText: 'Booking confirmed' })).toBeVisible();

    const scan = await mutate(page.request, 'staff.checkIn.scan', {
      occurrenceId: concert.occurrence.id,
      scanned: codes[0],
    });
    expect(scan.result).toBe('valid');
    await expect(booked.filter({ hasText: `Checked in` })).toContainText(`ticket ${codes[0]}`);
    await expect(feed.getByRole('listitem').first()).toContainText('Checked in');
    await expect(page.locator('body')).toHaveAttribute('data-same-document', 'yes');
  });
});

test('sales figures are shown to roles that read reports only; pending payments to all', async ({
  page,
}) => {
  await signIn(page, 'owner@demo.test');
  await expect(page.getByRole('heading', { name: 'Sales today' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sales, last 7 days' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, 'agent@demo.test');
  await expect(page.getByRole('heading', { name: 'Pending payments' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Today’s dates' })).toBeVisible();
  await expect(page.getByText(/^Sales/)).toHaveCount(0);
  await page.getByRole('link', { name: 'See bookings awaiting payment' }).click();
  await expect(page).toHaveURL(/\/bookings\?status=pending_payment$/);
  await expect(page.getByLabel('Status')).toHaveValue('pending_payment');
});

import { expect, test } from '@playwright/test';
import { bookTickets, demoConcert } from './desk';
import { signIn } from './staff';

test.beforeEach(async ({ page }) => {
  // Holds are rate-limited per client address: each test is its own client.
  await page.setExtraHTTPHeaders({
    'x-forwarded-for': `10.89.${Math.floor(Math.random() * 250)}.7`,
  });
});

test('a manager finds a booking, marks the payment at the venue paid and refunds part of it', async ({
  page,
}) => {
  const concert = await demoConcert({ priceAmount: 4500 });
  const { reference } = await bookTickets(page.request, concert, ['Nadia Refund']);
  await signIn(page, 'manager@demo.test');
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Bookings' })
    .click();
  await page.getByLabel('Reference, email, name or phone').fill('nadia refund');
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row', { name: new RegExp(reference) });
  await expect(row).toContainText('Awaiting payment');
  await row.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Booking ${reference}` })).toBeVisible();

  await page.getByRole('button', { name: 'Mark paid' }).click();
  // Paid: the booking is confirmed and the button goes (with its card).
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark paid' })).toHaveCount(0);
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Staff change: payment.marked_paid' }),
  ).toContainText('by manager@demo.test');

  const amount = page.getByLabel(/^Amount \(EUR, at most €45\.00\)/);
  await amount.fill('50');
  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  await expect(
    page.getByText('At most 4500 (minor units) can be refunded on this booking.'),
  ).toBeVisible();
  await expect(page.getByTestId('refunded')).toHaveText('€0.00');

  await amount.fill('12.50');
  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  await expect(page.getByText('Refund of €12.50 requested.')).toBeVisible();
  // Paid at the venue, so handed back at the venue: the refund waits for staff, and what is
  // left to refund drops by it at once.
  await expect(page.getByLabel(/^Amount \(EUR, at most €32\.50\)/)).toBeVisible();
  await expect(page.getByTestId('refund-pending')).toHaveText('€12.50');
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Refund: Refund pending' }),
  ).toContainText('12.50 EUR · staff');
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Staff change: booking.refunded' }),
  ).toContainText('by manager@demo.test');
});

test('the auditor reads bookings and manifests but has no actions, and a direct call is refused', async ({
  page,
}) => {
  const concert = await demoConcert();
  const { reference } = await bookTickets(page.request, concert, ['Omar Audit']);
  await signIn(page, 'auditor@demo.test');
  await expect(page.getByRole('banner')).toContainText('Auditor');
  await page.goto(`/bookings?query=${reference}`);
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Booking ${reference}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Actions' })).toHaveCount(0);
  await expect(page.getByRole('button')).toHaveText(['Sign out']);

  const refused = await page.request.post('/api/trpc/staff.bookings.addNote', {
    data: { json: { reference, note: 'Auditors cannot write' } },
  });
  expect(refused.status()).toBe(403);
  const cancel = await page.request.post('/api/trpc/staff.bookings.cancel', {
    data: { json: { reference } },
  });
  expect(cancel.status()).toBe(403);

  await page.goto(`/check-in/${concert.occurrence.id}`);
  await expect(page.getByText('Scanning is for check-in staff')).toBeVisible();
  await expect(page.getByLabel('Ticket code')).toHaveCount(0);
  await page.getByRole('link', { name: 'Manifest' }).click();
  await expect(page.getByRole('row', { name: /Omar Audit/ })).toBeVisible();

  await page.goto(`/bookings/${reference}`);
  await expect(page.getByRole('listitem').filter({ hasText: 'Note:' })).toHaveCount(0);
});

test('an agent resends the confirmation, adds a note and cancels under the policy, without refund controls', async ({
  page,
}) => {
  const concert = await demoConcert();
  const { reference } = await bookTickets(page.request, concert, ['Lina Agent']);
  await signIn(page, 'agent@demo.test');
  await expect(page.getByRole('banner')).toContainText('Agent');
  await page.goto(`/bookings/${reference}`);
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
  // Refunds are for owners and managers: no refund card, no other amount on cancel.
  await expect(page.getByRole('heading', { name: 'Refund', exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Another amount')).toHaveCount(0);

  await page.getByRole('button', { name: 'Resend confirmation' }).click();
  await expect(
    page.getByText(/^Confirmation sent again to desk-.+@example\.test\.$/),
  ).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Staff change: booking.confirmation_resent' }),
  ).toContainText('by agent@demo.test');

  await page.getByLabel('Note', { exact: true }).fill('Asked for an aisle spot');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText('Note added.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Note:' })).toContainText(
    'Asked for an aisle spot',
  );

  await page.getByLabel('Reason (kept in the audit log)').fill('Customer phoned');
  await page.getByRole('button', { name: 'Cancel booking' }).click();
  await expect(page.getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel booking' })).toHaveCount(0);
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Staff change: booking.cancelled' }),
  ).toContainText('Customer phoned');
});

import { expect, test, uniqueEmail } from './support/fixtures';
import { sentQuote } from './support/quotes';

const SIMULATOR = 'http://127.0.0.1:12199';

test('a customer accepts an offer from its link and pays it on Stripe: booked at the quoted total', async ({
  page,
  db,
}, testInfo) => {
  const email = uniqueEmail(testInfo, 'quote');
  const { org, path } = await sentQuote(db, email);

  await page.goto(path);
  await expect(
    page.getByRole('heading', { level: 1, name: `Your offer from ${org.name}` }),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /Welcome drinks/ })).toContainText('€18.00');
  await expect(page.getByRole('row', { name: /Discount/ })).toContainText('-€10.50');
  await expect(page.getByTestId('offer-total')).toHaveText('€94.50');
  await page.getByRole('button', { name: 'Accept and pay €94.50' }).click();

  await expect(page).toHaveURL(new RegExp(`^${SIMULATOR}/`));
  await expect(page.getByRole('heading', { level: 1, name: /^Pay / })).toBeVisible();
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(page).toHaveURL(/\/bookings\/[A-Z0-9]+\?payment=success/);
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toContainText('Confirmed');

  const booking = await db
    .selectFrom('bookings')
    .select(['channel', 'totalAmount', 'paidAmount', 'discountAmount'])
    .where('contactEmail', '=', email)
    .executeTakeFirstOrThrow();
  expect(booking).toEqual({
    channel: 'agent',
    totalAmount: 9450,
    paidAmount: 9450,
    discountAmount: 1050,
  });

  // The link again: accepted, not a second booking.
  await page.goto(path);
  await expect(page.getByText('You accepted this offer')).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { bookSeat, seatedShow } from './seated';
import { signIn } from './staff';

test.beforeEach(async ({ page }) => {
  // Holds are rate-limited per client address: each test is its own client.
  await page.setExtraHTTPHeaders({
    'x-forwarded-for': `10.93.${Math.floor(Math.random() * 250)}.7`,
  });
});

test('a manager adds one date, cannot cancel a date with bookings, and cancels one without', async ({
  page,
}) => {
  const show = await seatedShow();
  const [seat] = show.stalls;
  if (!seat) throw new Error('the show has no stalls');
  await bookSeat(page.request, show, seat.id);
  const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);

  await signIn(page, 'manager@demo.test');
  await expect(page.getByRole('banner')).toContainText('Manager');
  await page.goto(`/catalog/${show.occurrence.offeringId}`);
  const dates = page.getByRole('list', { name: 'Dates' });
  await expect(dates.getByRole('listitem')).toHaveCount(1);

  await page.getByLabel(/^One date/).fill(day);
  await page.getByLabel(/^Start time of that date \(Europe\/Paris\)/).fill('19:30');
  await page.getByRole('button', { name: 'Add date' }).click();
  await expect(page.getByText('Date added.')).toBeVisible();
  await expect(dates.getByRole('listitem')).toHaveCount(2);

  const booked = dates.getByRole('listitem').first();
  await booked.getByRole('button', { name: /^Cancel date/ }).click();
  await expect(
    booked.getByText(
      'This date has 1 live booking: move or cancel it first, then cancel the date.',
    ),
  ).toBeVisible();

  const added = dates.getByRole('listitem').last();
  await expect(added).toContainText('19:30');
  await added.getByRole('button', { name: /^Cancel date/ }).click();
  await expect(added).toContainText('cancelled');
  await expect(added.getByRole('button', { name: /^Cancel date/ })).toHaveCount(0);
});

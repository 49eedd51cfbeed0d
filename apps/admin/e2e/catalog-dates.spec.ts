import { expect, test } from '@playwright/test';
import { mutate, query } from './desk';
import { bookSeat, seatedShow } from './seated';
import { signIn } from './staff';

test.beforeEach(async ({ page }) => {
  // Holds are rate-limited per client address: each test is its own client.
  await page.setExtraHTTPHeaders({
    'x-forwarded-for': `10.93.${Math.floor(Math.random() * 250)}.7`,
  });
});

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('a manager adds one date, cannot cancel a date with bookings, and cancels one without', async ({
  page,
}) => {
  const show = await seatedShow();
  const [seat] = show.stalls;
  if (!seat) throw new Error('the show has no stalls');
  await bookSeat(page.request, show, seat.id);

  await signIn(page, 'manager@demo.test');
  await expect(page.getByRole('banner')).toContainText('Manager');
  await page.goto(`/catalog/${show.occurrence.offeringId}`);
  const dates = page.getByRole('list', { name: 'Dates' });
  await expect(dates.getByRole('listitem')).toHaveCount(1);

  const oneDate = page.getByRole('form', { name: 'Add one date' });
  await oneDate.getByLabel(/^Date/).fill(inDays(40));
  await oneDate.getByLabel(/^Start time \(Europe\/Paris\)/).fill('19:30');
  await oneDate.getByRole('button', { name: 'Add date' }).click();
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

interface Availability {
  capacity: number;
  seats?: { id: string; status: string }[];
}

test('a manager adds one date on a seat map, and customers can take its seats', async ({
  page,
}) => {
  const show = await seatedShow();
  const offeringId = show.occurrence.offeringId;
  await signIn(page, 'manager@demo.test');
  await expect(page.getByRole('banner')).toContainText('Manager');
  await page.goto(`/catalog/${offeringId}`);

  const oneDate = page.getByRole('form', { name: 'Add one date' });
  await oneDate.getByLabel(/^Date/).fill(inDays(45));
  await oneDate.getByLabel(/^Start time \(Europe\/Paris\)/).fill('18:00');
  await oneDate.getByLabel('Seat map').selectOption({ label: `${show.seatMap.name} (5 seats)` });
  await oneDate.getByRole('button', { name: 'Add date' }).click();
  await expect(page.getByText('Date added.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Dates' }).getByRole('listitem')).toHaveCount(2);

  // The new date as the customer site reads it: its seats, all for sale, and one taken.
  const listed = (await query(page.request, 'catalog.occurrences', { offeringId })) as {
    items: { id: string; capacity: number }[];
  };
  const added = listed.items.find((item) => item.id !== show.occurrence.id);
  expect(added).toMatchObject({ capacity: 5 });
  const occurrenceId = added?.id ?? '';
  const before = (await query(page.request, 'availability.occurrence', {
    occurrenceId,
  })) as Availability;
  expect(before.seats?.map((seat) => seat.status)).toEqual(Array(5).fill('free'));
  const [seat] = show.stalls;
  if (!seat) throw new Error('the show has no stalls');
  await mutate(page.request, 'holds.create', { occurrenceId, seatIds: [seat.id] });
  const after = (await query(page.request, 'availability.occurrence', {
    occurrenceId,
  })) as Availability;
  expect(after.seats?.find((entry) => entry.id === seat.id)?.status).toBe('held');
});

import { expect, test } from '@playwright/test';
import {
  DEMO,
  createOccurrence,
  createOffering,
  createResource,
  createTicketType,
  daysFromNowAt,
  weeklyHours,
} from '@tessera/db/seed';
import { withSuiteDatabase } from './database';
import { bookTickets, demoConcert, mutate } from './desk';
import { bookSeat, seatedShow } from './seated';
import { signIn } from './staff';

test.beforeEach(async ({ page }) => {
  // Holds are rate-limited per client address: each test is its own client.
  await page.setExtraHTTPHeaders({
    'x-forwarded-for': `10.91.${Math.floor(Math.random() * 250)}.7`,
  });
});

test('a manager moves a booking to a dearer seat: the old ticket is void and the balance is taken', async ({
  page,
}) => {
  const show = await seatedShow();
  const [first] = show.stalls;
  if (!first) throw new Error('the show has no stalls');
  const reference = await bookSeat(page.request, show, first.id);

  await signIn(page, 'manager@demo.test');
  await expect(page.getByRole('banner')).toContainText('Manager');
  await page.goto(`/bookings/${reference}`);
  await page.getByRole('button', { name: 'Mark paid' }).click();
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
  const oldCode = (await page.locator('li .font-mono').first().textContent()) ?? '';

  await page.getByRole('link', { name: 'Move to other seats or another date' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Move booking ${reference}` }),
  ).toBeVisible();
  const newSeat = page.getByLabel(/^New seat for Stalls, Row A, Seat 1/);
  await expect(newSeat.getByRole('option', { name: /Stalls, Row A, Seat 1 / })).toHaveCount(0);
  await newSeat.selectOption({ label: 'Circle, Row A, Seat 2 (Circle) — €70.00' });
  await page.getByRole('button', { name: 'Move booking' }).click();
  await expect(
    page.getByText('Moved. The customer owes €25.00: send the payment link or mark it paid.'),
  ).toBeVisible();

  await page.getByRole('link', { name: `Back to booking ${reference}` }).click();
  await expect(page.getByText('Circle, Row A, Seat 2 (Circle) — €70.00')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: oldCode })).toContainText('Void');
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Staff change: booking.moved' }),
  ).toContainText('by manager@demo.test');
  await page.getByRole('button', { name: 'Mark paid' }).click();
  await expect(page.getByRole('button', { name: 'Mark paid' })).toHaveCount(0);
  await expect(page.getByText('€70.00 (Paid)')).toBeVisible();

  // The seat it left is free again: another move can take it, and the one just sold cannot.
  await page.goto(`/bookings/${reference}/move`);
  await expect(
    page.getByLabel(/^New seat for Circle, Row A, Seat 2/).getByRole('option', {
      name: 'Stalls, Row A, Seat 1 (Stalls) — €45.00',
    }),
  ).toHaveCount(1);
});

test('a seat taken meanwhile is refused and nothing changes', async ({ page }) => {
  const show = await seatedShow();
  const [first, second] = show.stalls;
  if (!first || !second) throw new Error('the show has too few stalls');
  const reference = await bookSeat(page.request, show, first.id);
  await signIn(page, 'manager@demo.test');
  await expect(page.getByRole('banner')).toContainText('Manager');
  await page.goto(`/bookings/${reference}`);
  await page.getByRole('button', { name: 'Mark paid' }).click();
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
  await page.goto(`/bookings/${reference}/move`);
  await page
    .getByLabel(/^New seat for Stalls, Row A, Seat 1/)
    .selectOption({ label: 'Stalls, Row A, Seat 2 (Stalls) — €45.00' });
  // Someone books that seat while the form is open.
  await bookSeat(page.request, show, second.id);
  await page.getByRole('button', { name: 'Move booking' }).click();
  await expect(
    page.getByText('One of your seats was just taken. Please choose another.'),
  ).toBeVisible();
  await page.goto(`/bookings/${reference}`);
  await expect(page.getByText(/Stalls, Row A, Seat 1 \(Stalls\)/)).toBeVisible();
});

test('a manager moves a general-admission booking to another date as VIP: the balance is taken and the old date has its places back', async ({
  page,
}) => {
  const concert = await demoConcert({ priceAmount: 2000 });
  // A later date of the same concert, where VIP tickets are sold too.
  const later = await withSuiteDatabase(async (db) => {
    await createTicketType(db, {
      offering: concert.offering,
      name: 'VIP',
      priceAmount: 5000,
      quotaPerOccurrence: 5,
    });
    return createOccurrence(db, {
      offering: concert.offering,
      startsAt: new Date(concert.occurrence.startsAt.getTime() + 7 * 86_400_000),
      capacity: 25,
    });
  });
  const { reference, codes } = await bookTickets(page.request, concert, ['Gia Move', 'Tom Move']);

  await signIn(page, 'manager@demo.test');
  await page.goto(`/bookings/${reference}`);
  await page.getByRole('button', { name: 'Mark paid' }).click();
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Move to another date or ticket type' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Move booking ${reference}` }),
  ).toBeVisible();
  await expect(page.getByLabel(/^2 × Standing/)).toHaveValue(concert.ticketType.id);
  await page.getByRole('combobox', { name: 'Date', exact: true }).selectOption(later.id);
  await page.getByRole('button', { name: 'Show ticket types' }).click();
  const newType = page.getByLabel(/^2 × Standing/);
  await expect(newType.getByRole('option')).toHaveText([
    'Standing — €20.00 each, 20 left',
    'VIP — €50.00 each, 5 left',
  ]);
  await newType.selectOption({ label: 'VIP — €50.00 each, 5 left' });
  await page.getByRole('button', { name: 'Move booking' }).click();
  await expect(
    page.getByText('Moved. The customer owes €60.00: send the payment link or mark it paid.'),
  ).toBeVisible();

  await page.getByRole('link', { name: `Back to booking ${reference}` }).click();
  await expect(page.getByText('2 × VIP — €100.00')).toBeVisible();
  for (const code of codes)
    await expect(page.getByRole('listitem').filter({ hasText: code })).toContainText('Void');
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Staff change: booking.moved' }),
  ).toContainText('by manager@demo.test');
  await page.getByRole('button', { name: 'Mark paid' }).click();
  await expect(page.getByRole('button', { name: 'Mark paid' })).toHaveCount(0);
  await expect(page.getByText('€100.00 (Paid)')).toBeVisible();

  // The first date has its two places back.
  await page.goto(`/bookings/${reference}/move?occurrence=${concert.occurrence.id}`);
  await expect(
    page.getByLabel(/^2 × VIP/).getByRole('option', { name: 'Standing — €20.00 each, 20 left' }),
  ).toHaveCount(1);
});

test('a manager moves an appointment to another hour on another court', async ({ page }) => {
  const id = crypto.randomUUID().slice(0, 8);
  const timeZone = 'Europe/Paris';
  const { offering, courtB } = await withSuiteDatabase(async (db) => {
    const org = await db
      .selectFrom('orgs')
      .selectAll()
      .where('slug', '=', DEMO.orgSlug)
      .executeTakeFirstOrThrow();
    const hours = weeklyHours({ 'mon-sun': ['08:00', '20:00'] });
    const court = async (name: string) =>
      (await createResource(db, { org, kind: 'court', name, timeZone, hours })).resource;
    const [courtA, courtB] = [await court(`Court A ${id}`), await court(`Court B ${id}`)];
    const offering = await createOffering(db, {
      org,
      kind: 'appointment',
      slug: `courts-${id}`,
      name: `Court hire ${id}`,
      slotMinutes: 60,
      resources: [courtA, courtB],
    });
    await createTicketType(db, { offering, name: 'Court hour', priceAmount: 3000 });
    return { offering, courtB };
  });
  const start = daysFromNowAt(new Date(), 3, '10:00', timeZone);
  const hold = await mutate(page.request, 'holds.create', { offeringId: offering.id, start });
  const booked = await mutate(page.request, 'bookings.checkout', {
    holdId: hold.holdId,
    idempotencyKey: `e2e-${crypto.randomUUID()}`,
    contact: { name: 'Rafa Court', email: `court-${id}@example.test` },
  });
  const reference = String(booked.reference);

  await signIn(page, 'manager@demo.test');
  await page.goto(`/bookings/${reference}`);
  await page.getByRole('button', { name: 'Mark paid' }).click();
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Move to another time' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Move appointment ${reference}` }),
  ).toBeVisible();
  await page.getByRole('combobox', { name: 'Resource' }).selectOption(courtB.id);
  await page.getByRole('button', { name: 'Show free times' }).click();
  const startSelect = page.getByRole('combobox', { name: 'Start' });
  await expect(startSelect.getByRole('option')).toHaveCount(12);
  await startSelect.selectOption({
    label: (await startSelect.getByRole('option').nth(6).textContent()) ?? '',
  });
  await page.getByRole('button', { name: 'Move appointment' }).click();
  await expect(page.getByText('Moved at the same price. The customer was emailed.')).toBeVisible();

  await page.getByRole('link', { name: `Back to booking ${reference}` }).click();
  await expect(page.getByText(`1 × Court B ${id} — €30.00`)).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Staff change: booking.moved' }),
  ).toContainText('by manager@demo.test');
});

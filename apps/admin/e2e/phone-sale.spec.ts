import { expect, test } from '@playwright/test';
import {
  DEMO,
  createOccurrence,
  createOffering,
  createSeatMap,
  createTicketType,
  createVenue,
} from '@tessera/db/seed';
import { withSuiteDatabase } from './database';
import { signIn } from './staff';
import { CARD_CONSOLE_URL, STRIPE_SIMULATOR_URL } from './suite';

// Sales paid by a link need Stripe: the console instance that has it (the simulator).
test.use({ baseURL: CARD_CONSOLE_URL });

/** A reserved-seating concert of the demo org, its own, in Paris in twelve days: two rows of four at €30. */
async function seatedConcert() {
  const id = crypto.randomUUID().slice(0, 8);
  return withSuiteDatabase(async (db) => {
    const org = await db
      .selectFrom('orgs')
      .selectAll()
      .where('slug', '=', DEMO.orgSlug)
      .executeTakeFirstOrThrow();
    const venue = await createVenue(db, { org, name: `Salle ${id}`, timeZone: 'Europe/Paris' });
    const offering = await createOffering(db, { org, venue, name: `Phone concert ${id}` });
    await createTicketType(db, {
      offering,
      name: 'Stalls',
      seatCategory: 'standard',
      priceAmount: 3000,
    });
    const { seatMap } = await createSeatMap(db, {
      org,
      venue,
      sections: [{ name: 'Stalls', rows: 2, seatsPerRow: 4, category: 'standard' }],
    });
    const startsAt = new Date(Date.now() + 12 * 86_400_000);
    await createOccurrence(db, { offering, seatMap, startsAt });
    return { offeringName: offering.name };
  });
}

test('an agent sells seats by phone, the customer pays the emailed link on Stripe, the booking is confirmed as an agent sale', async ({
  page,
  browser,
}) => {
  const concert = await seatedConcert();
  const email = `phone-${crypto.randomUUID().slice(0, 8)}@example.test`;
  await signIn(page, 'agent@demo.test');
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'New sale' })
    .click();
  await page.getByRole('link', { name: concert.offeringName }).click();
  await page.getByRole('list', { name: 'Dates' }).getByRole('link').first().click();

  await page.getByRole('button', { name: /^Stalls, Row A, seat 2,/ }).click();
  await page.getByRole('button', { name: /^Stalls, Row A, seat 3,/ }).click();
  await expect(page.getByText('Chosen: Stalls row A seat 2; Stalls row A seat 3')).toBeVisible();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Leila Phone');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Name on ticket 2').fill('Omar Phone');
  await page.getByLabel('Send a payment link').check();
  await page.getByRole('button', { name: 'Book for the customer' }).click();

  const booked = page.getByText(/^Booked: [A-Z0-9]+ \(awaiting payment\)$/);
  await expect(booked).toBeVisible();
  const reference = /Booked: ([A-Z0-9]+)/.exec((await booked.textContent()) ?? '')?.[1] ?? '';
  const paymentUrl = (await page.getByTestId('payment-url').textContent()) ?? '';
  expect(paymentUrl.startsWith(`${STRIPE_SIMULATOR_URL}/`)).toBe(true);

  // The same link went to the customer by email, through the outbox.
  const emailed = await withSuiteDatabase(async (db) => {
    const booking = await db
      .selectFrom('bookings')
      .select(['id', 'contactEmail'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    const events = await db
      .selectFrom('outbox')
      .select('payload')
      .where('aggregateId', '=', booking.id)
      .where('eventType', '=', 'booking.payment_link_sent')
      .execute();
    return events.map((event) => ({ payload: event.payload, contactEmail: booking.contactEmail }));
  });
  expect(emailed).toEqual([
    { payload: expect.objectContaining({ paymentUrl }), contactEmail: email },
  ]);

  // The customer, in their own browser, pays on Stripe's (the simulator's) page.
  const customer = await browser.newPage();
  await customer.goto(paymentUrl);
  await expect(customer.getByRole('heading', { level: 1, name: /^Pay / })).toBeVisible();
  await expect(customer.getByText('€60.00').first()).toBeVisible();
  await customer.getByRole('button', { name: 'Pay', exact: true }).click();
  // Paid: Stripe sends them back to the site (not running in this suite).
  await expect(customer).not.toHaveURL(new RegExp(`^${STRIPE_SIMULATOR_URL}/`));
  await customer.close();

  // The webhook confirms it: the agent's booking page shows it paid, sold through staff.
  await page.getByRole('link', { name: `Open booking ${reference}` }).click();
  await expect(page).toHaveURL(new RegExp(`/bookings/${reference}$`));
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('Confirmed', { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(page.getByTestId('channel')).toHaveText('Staff (agent)');
  await expect(page.getByText('€60.00 (Paid)')).toBeVisible();
  await expect(page.getByText('Omar Phone')).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Staff change: booking.sold' }),
  ).toContainText('by agent@demo.test');
});

import { localDateAt } from '@tessera/db/seed';
import { coach } from './support/data';
import { chooseFreeSeats } from './support/seats';
import { clientAddress, expect, test, uniqueEmail } from './support/fixtures';

const SIMULATOR = 'http://127.0.0.1:12199';

test('a customer searches a trip, picks a seat per passenger, names both, and pays', async ({
  page,
  db,
}, testInfo) => {
  const { origin, destination, zone, offering } = await coach(db);
  const date = localDateAt(new Date(), zone).add({ days: 3 }).toString();

  await page.goto('/');
  const search = page.getByRole('form', { name: 'Search trips' });
  // Stops are suggested from published routes as the customer types.
  await search.getByLabel('From').fill(origin.slice(0, 8));
  await expect(page.locator(`datalist option[value="${origin}"]`)).toHaveCount(1);
  await search.getByLabel('From').fill(origin);
  await search.getByLabel('To').fill(destination);
  await search.getByLabel('Date').fill(date);
  await search.getByLabel('Passengers').fill('2');
  await search.getByRole('button', { name: 'Search trips' }).click();

  await expect(page).toHaveURL(/\/trips\?/);
  const results = page.getByRole('list', { name: 'Departures' }).getByRole('listitem');
  await expect(results).toHaveCount(1);
  const trip = results.first();
  await expect(trip).toContainText(`Departs${origin}, `);
  await expect(trip.locator('time').first()).toHaveText(/, 08:00 \(Africa\/Algiers\)$/);
  await expect(trip.locator('time').nth(1)).toHaveText(/, 11:35 \(Africa\/Algiers\)$/);
  await expect(trip).toContainText('Duration3 h 35 min');
  await expect(trip).toContainText('8 seats left');
  await expect(trip).toContainText('€18.00 per passenger');
  await expect(trip).toContainText('€36.00 for 2');
  await trip.getByRole('link', { name: /^Choose seats, departure / }).click();

  await expect(page.getByRole('heading', { level: 1, name: offering.name })).toBeVisible();
  await chooseFreeSeats(page, 'Coach', 2);
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}/);
  // Names are asked per passenger; the API's rule speaks at the empty one.
  const contact = page.getByRole('group', { name: 'Your contact details' });
  await contact.getByLabel('Name').fill('Samir Haddad');
  await contact.getByLabel('Email').fill(uniqueEmail(testInfo, 'trip'));
  await page.getByLabel('Passenger 1 name').fill('Samir Haddad');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByLabel('Passenger 2 name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Passenger 2 name')).toHaveAccessibleDescription(
    /Enter the name of each attendee/,
  );
  await page.getByLabel('Passenger 2 name').fill('Lina Haddad');
  await page.getByRole('button', { name: 'Pay' }).click();

  await expect(page).toHaveURL(new RegExp(`^${SIMULATOR}/`));
  await expect(page.getByTestId('total')).toHaveText(/36\.00/);
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(page).toHaveURL(/\/bookings\/[A-Z0-9]+\?payment=success/);
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toContainText('Confirmed');
  const tickets = page.getByRole('list', { name: 'Tickets' }).getByRole('listitem');
  await expect(tickets).toHaveCount(2);
  await expect(tickets.filter({ hasText: 'Samir Haddad' })).toHaveCount(1);
  await expect(tickets.filter({ hasText: 'Lina Haddad' })).toHaveCount(1);
});

test('a search from a stop on the way carries that journey to checkout at its segment fare', async ({
  page,
  db,
}, testInfo) => {
  const { middle, destination, zone, offering } = await coach(db);
  const date = localDateAt(new Date(), zone).add({ days: 3 }).toString();

  await page.goto(
    `/trips?${new URLSearchParams({ origin: middle, destination, date, passengers: '1' })}`,
  );
  const trip = page.getByRole('list', { name: 'Departures' }).getByRole('listitem');
  await expect(trip).toHaveCount(1);
  await expect(trip).toContainText(`Departs${middle}, `);
  await expect(trip.locator('time').first()).toHaveText(/, 09:35 \(Africa\/Algiers\)$/);
  await expect(trip).toContainText('Duration2 h');
  await expect(trip).toContainText('€11.00 per passenger');
  await trip.getByRole('link', { name: /^Choose seats, departure / }).click();

  await expect(page.getByRole('heading', { level: 1, name: offering.name })).toBeVisible();
  const journey = page.getByTestId('journey');
  await expect(journey).toContainText(`${middle}, departs`);
  await expect(journey).toContainText(`→ ${destination}, arrives`);
  await expect(journey.locator('time').first()).toHaveText(/, 09:35 \(Africa\/Algiers\)$/);
  await expect(journey.locator('time').nth(1)).toHaveText(/, 11:35 \(Africa\/Algiers\)$/);
  // The map is priced for this journey (11.00, not the whole route's 18.00), as the hold is.
  await expect(page.getByTestId('journey-fare')).toHaveText(
    `Prices are the fares for your journey, ${middle} → ${destination}.`,
  );
  const seats = page.getByRole('group', { name: 'Coach seats' });
  await expect(seats.getByRole('button', { name: /, available$/ })).toHaveCount(8);
  await expect(seats.getByRole('button', { name: /, 11\.00 EUR, available$/ })).toHaveCount(8);
  await seats
    .getByRole('button', { name: /, available$/ })
    .first()
    .click();
  await expect(page.getByTestId('selection-total')).toHaveText('€11.00');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}/);
  await expect(page.getByTestId('checkout-total')).toHaveText('€11.00');
  const contact = page.getByRole('group', { name: 'Your contact details' });
  await contact.getByLabel('Name').fill('Yanis Kherrata');
  await contact.getByLabel('Email').fill(uniqueEmail(testInfo, 'segment'));
  await page.getByLabel('Passenger 1 name').fill('Yanis Kherrata');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(new RegExp(`^${SIMULATOR}/`));
  await expect(page.getByTestId('total')).toHaveText(/11\.00/);
});

test('a journey sold by tickets keeps its fare while another customer’s hold updates the count live', async ({
  page,
  request,
  db,
}, testInfo) => {
  const { middle, destination, offering, occurrence, adult, stopIds } = await coach(db, {
    seated: false,
  });
  await page.goto(
    `/o/${offering.slug}/${occurrence.id}?${new URLSearchParams({ from: stopIds.middle, to: stopIds.destination })}`,
  );
  const fare = page.getByRole('heading', { name: 'Adult' }).locator('xpath=..');
  await expect(fare).toContainText(`€11.00 for ${middle} → ${destination} · Only 8 left`);
  await expect(page.getByTestId('live-availability')).toHaveAttribute('data-live', 'true');

  // Someone else holds two places of the whole route: the push carries the route's 18.00 fare.
  const held = await request.post('/api/trpc/holds.create', {
    headers: { 'x-forwarded-for': clientAddress(testInfo, 1) },
    data: {
      json: {
        occurrenceId: occurrence.id,
        tickets: [{ ticketTypeId: adult.id, quantity: 2 }],
        idempotencyKey: crypto.randomUUID(),
      },
    },
  });
  expect(held.ok()).toBe(true);
  // Pushed without a reload; the count is the push's, the fare stays the journey's.
  await expect(fare).toContainText(`€11.00 for ${middle} → ${destination} · Only 6 left`, {
    timeout: 2_000,
  });
  await page.getByLabel('Adult tickets').fill('1');
  await expect(page.getByTestId('selection-total')).toHaveText('€11.00');
});

test('a departure page asked for stops the route does not serve in that order sells nothing', async ({
  page,
  db,
}) => {
  const { offering, occurrence } = await coach(db);
  const stops = await db
    .selectFrom('tripStops')
    .select('id')
    .where('offeringId', '=', offering.id)
    .orderBy('position')
    .execute();
  const [first, , last] = stops.map((stop) => stop.id);
  await page.goto(
    `/o/${offering.slug}/${occurrence.id}?${new URLSearchParams({ from: last ?? '', to: first ?? '' })}`,
  );
  await expect(
    page.getByRole('alert').filter({ hasText: 'This departure does not serve these stops' }),
  ).toBeVisible();
  await expect(page.getByRole('group', { name: 'Coach seats' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0);
});

test('a search with a bad date is answered at the field, and nothing is searched', async ({
  page,
}) => {
  await page.goto('/trips?origin=Algiers&destination=Oran&date=2026-02-30&passengers=2');
  await expect(page.getByLabel('Date')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Date')).toHaveAccessibleDescription('This date does not exist');
  await expect(page.getByRole('list', { name: 'Departures' })).toHaveCount(0);
});

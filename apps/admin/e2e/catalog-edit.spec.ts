import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, createPromoCode } from '@tessera/db/seed';
import { withSuiteDatabase } from './database';
import { demoConcert, mutate } from './desk';
import { signIn } from './staff';

test.beforeEach(async ({ page }) => {
  // Holds are rate-limited per client address: each test is its own client.
  await page.setExtraHTTPHeaders({
    'x-forwarded-for': `10.94.${Math.floor(Math.random() * 250)}.7`,
  });
});

/** A €20 concert with two promo codes of its own, one of them used by a booking. */
async function concertWithCodes(request: APIRequestContext) {
  const concert = await demoConcert({ priceAmount: 2000 });
  const token = crypto.randomUUID().slice(0, 6).toUpperCase();
  const [unused, used] = await withSuiteDatabase(async (db) => {
    const org = await db
      .selectFrom('orgs')
      .selectAll()
      .where('slug', '=', DEMO.orgSlug)
      .executeTakeFirstOrThrow();
    return Promise.all(
      [`SPARE-${token}`, `USED-${token}`].map((code) =>
        createPromoCode(db, { org, offering: concert.offering, code }),
      ),
    );
  });
  if (!unused || !used) throw new Error('the promo codes were not created');
  const hold = await mutate(request, 'holds.create', {
    occurrenceId: concert.occurrence.id,
    tickets: [{ ticketTypeId: concert.ticketType.id, quantity: 1 }],
  });
  await mutate(request, 'bookings.checkout', {
    holdId: hold.holdId,
    idempotencyKey: `e2e-${crypto.randomUUID()}`,
    contact: { name: 'Noor Promo', email: `promo-${token.toLowerCase()}@example.test` },
    promoCode: used.code,
  });
  return { ...concert, unused, used };
}

/** The price customers are quoted for the date's first ticket type, from the public API. */
async function customerPrice(request: APIRequestContext, occurrenceId: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { occurrenceId } }));
  const response = await request.get(`/api/trpc/availability.occurrence?input=${input}`);
  expect(response.ok(), await response.text()).toBe(true);
  const body = (await response.json()) as {
    result: { data: { json: { ticketTypes: { price: number }[] } } };
  };
  return body.result.data.json.ticketTypes[0]?.price;
}

test('a manager edits a ticket type’s price, removes an unused promo code, and a used one is deactivated', async ({
  page,
}) => {
  const concert = await concertWithCodes(page.request);
  await signIn(page, 'manager@demo.test');
  await expect(page.getByRole('banner')).toContainText('Manager');
  await page.goto(`/catalog/${concert.offering.id}`);

  const ticketTypes = page.getByRole('list', { name: 'Ticket types' });
  await expect(ticketTypes).toContainText('Standing: €20.00');
  await ticketTypes.getByRole('button', { name: 'Edit ticket type Standing' }).click();
  const edit = page.getByRole('form', { name: 'Edit ticket type Standing' });
  await expect(edit.getByLabel(/Price in minor units/)).toHaveValue('2000');
  await edit.getByLabel(/Price in minor units/).fill('-5');
  await edit.getByLabel('Sales start (Europe/Paris)').fill('2030-01-02T10:00');
  await edit.getByLabel('Sales end (Europe/Paris)').fill('2030-01-01T10:00');
  await edit.getByRole('button', { name: 'Save ticket type' }).click();
  await expect(edit.getByText('Price cannot be negative')).toBeVisible();
  await expect(edit.getByText('Sales must end after they start')).toBeVisible();
  await edit.getByLabel('Sales start (Europe/Paris)').fill('');
  await edit.getByLabel('Sales end (Europe/Paris)').fill('');
  await edit.getByLabel(/Price in minor units/).fill('2500');
  await edit.getByRole('button', { name: 'Save ticket type' }).click();
  await expect(edit.getByText('Saved.')).toBeVisible();
  await expect(ticketTypes).toContainText('Standing: €25.00');
  expect(await customerPrice(page.request, concert.occurrence.id)).toBe(2500);

  const offers = page.getByRole('list', { name: 'Price rules and offers' });
  await offers.getByRole('button', { name: `Remove promo code ${concert.unused.code}` }).click();
  await expect(page.getByText('This promo code was deleted.')).toBeVisible();
  await expect(offers).not.toContainText(concert.unused.code);

  const used = offers.getByRole('listitem').filter({ hasText: concert.used.code });
  await used.getByRole('button', { name: `Remove promo code ${concert.used.code}` }).click();
  await expect(
    page.getByText(
      /This promo code is on holds or bookings, so it was deactivated instead of deleted/,
    ),
  ).toBeVisible();
  await expect(used).toContainText('deactivated');
  await expect(used.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
});

test('an auditor reads the offering’s items without edit or remove', async ({ page }) => {
  const concert = await demoConcert({ priceAmount: 1500 });
  await signIn(page, 'auditor@demo.test');
  await expect(page.getByRole('banner')).toContainText('Auditor');
  await page.goto(`/catalog/${concert.offering.id}`);
  await expect(page.getByRole('list', { name: 'Ticket types' })).toContainText('Standing: €15.00');
  await expect(page.getByRole('button', { name: /^(Edit|Remove) / })).toHaveCount(0);
});

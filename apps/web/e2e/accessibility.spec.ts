import { expect, test } from '@playwright/test';
import { localDateAt } from '@tessera/db/seed';
import { createDb } from '@tessera/db';
import { databaseUrl } from '@tessera/playwright-config';
import { expectNoBlockingViolations } from './support/axe';
import { E2E_DATABASE } from './support/database-name';
import { sentQuote } from './support/quotes';

/** The demo coach leaves every day for the next 30 days. */
const tomorrowInAlgiers = localDateAt(new Date(), 'Africa/Algiers').add({ days: 1 }).toString();

for (const path of [
  '/',
  '/signin',
  '/signup',
  '/o/symphonie-fantastique',
  '/o/jazz-a-la-villette',
  `/trips?origin=Algiers&destination=Oran&date=${tomorrowInAlgiers}&passengers=2`,
  '/trips?origin=Algiers&destination=Oran&date=2026-02-30&passengers=0',
  '/orgs/demo',
  '/bookings',
  '/forgot-password',
  '/reset-password/not-a-real-token',
]) {
  test(`${path} has no serious or critical accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoBlockingViolations(page);
  });
}

test('the appointment calendar with a day chosen has no serious or critical accessibility violations', async ({
  page,
}) => {
  await page.goto('/o/tennis-court-hour');
  await page.getByRole('button', { name: 'Next month' }).click();
  await page
    .getByRole('grid')
    .getByRole('button', { name: /free times?$/ })
    .first()
    .click();
  await expect(
    page.getByRole('list', { name: 'Free times' }).getByRole('button').first(),
  ).toBeVisible();
  await expectNoBlockingViolations(page);
});

for (const [slug, ready] of [
  ['symphonie-fantastique', 'Choose your seats'],
  ['jazz-a-la-villette', 'Choose your tickets'],
] as const) {
  test(`a date of ${slug} has no serious or critical accessibility violations`, async ({
    page,
  }) => {
    await page.goto(`/o/${slug}`);
    await page
      .getByRole('link', { name: /^Choose / })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 2, name: ready })).toBeVisible();
    await expectNoBlockingViolations(page);
  });
}

test('checkout and the booking page have no serious or critical accessibility violations', async ({
  page,
}, testInfo) => {
  // Its own client address: the API caps live holds per client, and tests run in parallel.
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `10.250.${testInfo.retry}.1` });
  await page.goto('/o/jazz-a-la-villette');
  await page
    .getByRole('link', { name: /^Choose / })
    .first()
    .click();
  await page.getByLabel('Standard tickets').fill('1');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  await expect(page.getByTestId('checkout-total')).toBeVisible();
  await expectNoBlockingViolations(page);

  await page.getByLabel('Name').fill('Axe Check');
  await page.getByLabel('Email').fill(`axe-${testInfo.retry}-${Date.now()}@example.test`);
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toBeVisible();
  await expectNoBlockingViolations(page);
});

test('an offer page (/quotes/<token>) has no serious or critical accessibility violations', async ({
  page,
}) => {
  const db = createDb(databaseUrl(E2E_DATABASE), { max: 1 });
  try {
    const { path } = await sentQuote(db, `axe-quote-${Date.now()}@example.test`);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoBlockingViolations(page);
  } finally {
    await db.destroy();
  }
});

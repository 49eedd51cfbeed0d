import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { OPEN_SEAT, chooseFreeSeats } from './support/seats';

const SIMULATOR = 'http://127.0.0.1:12199';

/**
 * Each test is its own customer: the API limits live holds per client address, and all
 * tests come from 127.0.0.1, so each one (and each retry) sends its own forwarded address.
 */
function clientAddress(testInfo: TestInfo, customer = 0): string {
  const n = [...`${testInfo.testId}:${testInfo.retry}:${customer}`].reduce(
    (hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0,
    7,
  );
  return `10.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

test.beforeEach(async ({ page }, testInfo) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress(testInfo) });
});

/** An email no other test (or retry) uses. */
const uniqueEmail = (testInfo: TestInfo) =>
  `e2e-${testInfo.workerIndex}-${testInfo.retry}-${Date.now()}@example.test`;

async function openFirstDate(page: Page, offeringName: string) {
  await page.goto('/');
  await page.getByRole('link', { name: offeringName }).click();
  await expect(page.getByRole('heading', { level: 1, name: offeringName })).toBeVisible();
  await page
    .getByRole('link', { name: /^Choose / })
    .first()
    .click();
  await expect(page).toHaveURL(/\/o\/[a-z0-9-]+\/[0-9a-f-]{36}$/);
}

async function fillContact(page: Page, email: string) {
  await page.getByLabel('Name').fill('Rania E2E');
  await page.getByLabel('Email').fill(email);
}

test('a customer picks two seats on the map, pays, and sees the booking confirmed', async ({
  page,
}, testInfo) => {
  await openFirstDate(page, 'Symphonie fantastique');

  // The first seat by keyboard: focus the map's seat, Enter chooses it; the arrow moves on.
  const map = page.getByRole('group', { name: 'Balcony seats' });
  const firstFree = map.getByRole('button', { name: OPEN_SEAT }).first();
  await expect(firstFree).toHaveAccessibleName(
    /^Balcony, Row [A-Z], seat \d+, \d+\.\d\d EUR, available$/,
  );
  await firstFree.focus();
  await page.keyboard.press('Enter');
  await expect(map.getByRole('button', { pressed: true })).toHaveCount(1);
  // The second: a click on the next free seat.
  await map.getByRole('button', { name: OPEN_SEAT }).first().click();
  const chosen = page.getByRole('list', { name: 'Chosen seats' }).getByRole('listitem');
  await expect(chosen).toHaveCount(2);
  await expect(page.getByTestId('selection-total')).toHaveText('€60.00');

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}/);
  await expect(page.getByRole('timer')).toHaveText(/Your seats are held for \d+:\d\d/);

  await fillContact(page, uniqueEmail(testInfo));
  await page.getByRole('button', { name: 'Pay' }).click();

  await expect(page).toHaveURL(new RegExp(`^${SIMULATOR}/`));
  await expect(page.getByRole('heading', { level: 1, name: /^Pay / })).toBeVisible();
  await page.getByRole('button', { name: 'Pay', exact: true }).click();

  await expect(page).toHaveURL(/\/bookings\/[A-Z0-9]+\?payment=success/);
  // The webhook confirms the booking; the page follows without a reload.
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toContainText('Confirmed');
  await expect(page.getByRole('list', { name: 'Tickets' }).getByRole('listitem')).toHaveCount(2);
});

test('general-admission tickets go through checkout with a promo code', async ({
  page,
}, testInfo) => {
  await openFirstDate(page, 'Jazz à la Villette');

  await expect(page.getByRole('heading', { level: 2, name: 'Choose your tickets' })).toBeVisible();
  await page.getByLabel('Standard tickets').fill('2');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}/);

  await expect(page.getByTestId('checkout-total')).toHaveText('€58.00');
  await page.getByLabel('Promo code').fill('NOT-A-CODE');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByLabel('Promo code')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Promo code').fill('welcome10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('Code WELCOME10 applied.')).toBeVisible();
  await expect(page.getByTestId('checkout-total')).toHaveText('€52.20');

  // The API's rules speak next to the field.
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/valid email/);

  await fillContact(page, uniqueEmail(testInfo));
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(new RegExp(`^${SIMULATOR}/`));
  await expect(page.getByTestId('total')).toHaveText(/52\.20/);
  await page.getByRole('button', { name: 'Pay', exact: true }).click();

  await expect(page).toHaveURL(/\/bookings\/[A-Z0-9]+\?payment=success/);
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toContainText('Confirmed');
  await expect(page.getByRole('list', { name: 'Tickets' }).getByRole('listitem')).toHaveCount(2);
});

test('a declined card shows the payment page’s message and the booking keeps waiting', async ({
  page,
}, testInfo) => {
  await openFirstDate(page, 'Symphonie fantastique');
  await chooseFreeSeats(page, 'Mezzanine', 1);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/checkout\//);
  await fillContact(page, uniqueEmail(testInfo));
  await page.getByRole('button', { name: 'Pay' }).click();

  await expect(page).toHaveURL(new RegExp(`^${SIMULATOR}/`));
  await page.getByRole('button', { name: 'Decline (card declined)' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Your card was declined. Try again or use another card.',
  );

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(/\/bookings\/[A-Z0-9]+\?payment=cancelled/);
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toContainText(
    'Waiting for your payment',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'Payment not completed' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Tickets' })).toHaveCount(0);
});

test('a seat taken by someone else meanwhile is named, and the other seat stays chosen', async ({
  page,
  browser,
}, testInfo) => {
  await openFirstDate(page, 'Symphonie fantastique');
  const dateUrl = page.url();
  await chooseFreeSeats(page, 'Orchestra', 2);
  const chosen = page.getByRole('list', { name: 'Chosen seats' }).getByRole('listitem');
  const lostSeat = (await chosen.first().locator('span').first().textContent()) ?? '';
  const keptSeat = (await chosen.nth(1).locator('span').first().textContent()) ?? '';

  // Another customer holds the first of those seats before this one continues.
  const other = await browser.newContext({
    extraHTTPHeaders: { 'x-forwarded-for': clientAddress(testInfo, 1) },
  });
  try {
    const otherPage = await other.newPage();
    await otherPage.goto(dateUrl);
    await chooseFreeSeats(otherPage, 'Orchestra', 1);
    await expect(otherPage.getByRole('list', { name: 'Chosen seats' })).toContainText(lostSeat);
    await otherPage.getByRole('button', { name: 'Continue' }).click();
    await expect(otherPage).toHaveURL(/\/checkout\//);
  } finally {
    await other.close();
  }

  await page.getByRole('button', { name: 'Continue' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'Some seats were just taken' });
  await expect(warning).toContainText(lostSeat);
  await expect(warning).toContainText('Your other seats are still selected');
  await expect(chosen).toHaveCount(1);
  await expect(chosen.first()).toContainText(keptSeat);

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/checkout\//);
  await expect(page.getByRole('timer')).toHaveText(/Your seats are held for \d+:\d\d/);
});

test('a wheelchair place is held only once the customer says they need it', async ({ page }) => {
  await openFirstDate(page, 'Symphonie fantastique');
  const place = page.getByRole('button', { name: /, wheelchair place, .*available$/ }).first();
  await place.click();
  const need = page.getByRole('checkbox', { name: /^I need an accessible place/ });
  await expect(need).not.toBeChecked();

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'is an accessible place' })).toBeVisible();
  await expect(page).toHaveURL(/\/o\//);

  await need.check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}/);
});

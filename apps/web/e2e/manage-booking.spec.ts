import type { Page } from '@playwright/test';
import { expectNoBlockingViolations } from './support/axe';
import { concert } from './support/data';
import { expect, test, uniqueEmail } from './support/fixtures';

const SIMULATOR = 'http://127.0.0.1:12199';

/**
 * Books one Standard ticket of a date through checkout (and the simulator), or the place
 * `choose` picks; returns the reference.
 */
async function bookTickets(
  page: Page,
  {
    url,
    name,
    email,
    paid,
    choose = () => page.getByLabel('Standard tickets').fill('1'),
  }: { url: string; name: string; email: string; paid: boolean; choose?: () => Promise<void> },
) {
  await page.goto(url);
  await choose();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/checkout\//);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Pay' }).click();
  if (paid) {
    await expect(page).toHaveURL(new RegExp(`^${SIMULATOR}/`));
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
  }
  await expect(page).toHaveURL(/\/bookings\/[A-Z0-9]+/);
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toContainText('Confirmed');
  return /\/bookings\/([A-Z0-9]+)/.exec(page.url())?.[1] ?? '';
}

test('a customer cancels within the policy after seeing the refund, and the ticket is on sale again', async ({
  page,
  db,
}, testInfo) => {
  const { offering, occurrence } = await concert(db, { quota: 3, cancellationCutoffHours: 24 });
  const dateUrl = `/o/${offering.slug}/${occurrence.id}`;
  const reference = await bookTickets(page, {
    url: dateUrl,
    name: 'Karim Cancel',
    email: uniqueEmail(testInfo, 'cancel'),
    paid: true,
  });

  await page.getByRole('button', { name: 'Cancel this booking…' }).click();
  await expect(page.getByRole('heading', { name: 'Cancel this booking?' })).toBeFocused();
  await expect(page.getByTestId('cancellation-refund')).toHaveText(
    'If you cancel now, €29.00 will be refunded to the card you paid with.',
  );
  await expect(page.getByText(/^Online cancellation is possible until /)).toContainText(
    '(Europe/Paris)',
  );
  await expectNoBlockingViolations(page);
  // Nothing happens until the customer confirms.
  await page.getByRole('button', { name: 'Keep my booking' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toContainText('Confirmed');

  await page.getByRole('button', { name: 'Cancel this booking…' }).click();
  const confirm = page.getByRole('button', { name: 'Cancel and refund €29.00' });
  await confirm.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Your booking is cancelled' }),
  ).toContainText('€29.00 will be refunded to the card you paid with');
  // Cancelled, then Refunded once the payment provider confirms the refund.
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toContainText(
    /Cancelled|Refunded/,
  );

  const refunds = await db
    .selectFrom('refunds')
    .innerJoin('bookings', 'bookings.id', 'refunds.bookingId')
    .select(['refunds.amount', 'refunds.reason'])
    .where('bookings.reference', '=', reference)
    .execute();
  expect(refunds).toEqual([{ amount: 2900, reason: 'customer_cancellation' }]);
  await page.goto(`/o/${offering.slug}`);
  await expect(page.getByText('Only 3 left')).toBeVisible();
});

test('a customer cancels a reserved seat, and the seat is free again on the map', async ({
  page,
  db,
}, testInfo) => {
  const { offering, occurrence } = await concert(db, { seats: 4, priceAmount: 4500 });
  const dateUrl = `/o/${offering.slug}/${occurrence.id}`;
  const firstSeat = (state: string) =>
    page
      .getByRole('group', { name: 'Stalls seats' })
      .getByRole('button', { name: new RegExp(`^Stalls, Row A, seat 1, 45\\.00 EUR, ${state}$`) });
  await bookTickets(page, {
    url: dateUrl,
    name: 'Nadia Seat',
    email: uniqueEmail(testInfo, 'seat'),
    paid: true,
    choose: () => firstSeat('available').click(),
  });
  const bookingUrl = page.url();
  await page.goto(dateUrl);
  await expect(firstSeat('available')).toHaveCount(0);

  await page.goto(bookingUrl);
  await page.getByRole('button', { name: 'Cancel this booking…' }).click();
  await page.getByRole('button', { name: 'Cancel and refund €45.00' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toContainText(
    /Cancelled|Refunded/,
  );
  await page.goto(dateUrl);
  await expect(firstSeat('available')).toBeVisible();
});

test('My bookings lists a signed-in customer’s bookings; a guest finds one by reference and email', async ({
  page,
  browser,
  db,
}, testInfo) => {
  const first = await concert(db, { priceAmount: 0 });
  const second = await concert(db, { priceAmount: 0 });
  const email = uniqueEmail(testInfo, 'mine');
  await page.goto('/signup');
  await page.getByLabel('Name').fill('Meriem Mine');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a-good-long-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL('/');

  const references = [];
  for (const { offering, occurrence } of [first, second]) {
    references.push(
      await bookTickets(page, {
        url: `/o/${offering.slug}/${occurrence.id}`,
        name: 'Meriem Mine',
        email,
        paid: false,
      }),
    );
  }

  await page
    .getByRole('navigation', { name: 'Account' })
    .getByRole('link', { name: 'My bookings' })
    .click();
  const mine = page.getByRole('list', { name: 'My bookings' }).getByRole('listitem');
  await expect(mine).toHaveCount(2);
  // Newest first.
  await expect(mine.first()).toContainText(second.offering.name);
  await expect(mine.first()).toContainText(`Reference ${references[1]}`);
  await expect(mine.nth(1)).toContainText(first.offering.name);
  await expectNoBlockingViolations(page);
  await mine.nth(1).getByRole('link', { name: first.offering.name }).click();
  await expect(page).toHaveURL(`/bookings/${references[0]}`);
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toContainText('Confirmed');

  // A guest (another browser, not signed in) with the reference and the email.
  const guestContext = await browser.newContext();
  try {
    const guest = await guestContext.newPage();
    await guest.goto('/bookings');
    await expectNoBlockingViolations(guest);
    const form = guest.getByRole('form', { name: 'Find a booking' });
    await form.getByLabel('Booking reference').fill('no!');
    await form.getByLabel('Email').fill(email);
    await form.getByRole('button', { name: 'Find my booking' }).click();
    await expect(form.getByLabel('Booking reference')).toHaveAccessibleDescription(
      /A booking reference is 6 to 12 letters and digits/,
    );
    await form.getByLabel('Booking reference').fill(references[0] ?? '');
    await form.getByLabel('Email').fill('someone-else@example.test');
    await form.getByRole('button', { name: 'Find my booking' }).click();
    await expect(guest.getByRole('alert').filter({ hasText: 'No booking found' })).toContainText(
      'No booking matches this reference and email.',
    );
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Email').press('Enter');
    await expect(guest).toHaveURL(`/bookings/${references[0]}`);
    await expect(guest.getByRole('heading', { level: 2, name: first.offering.name })).toBeVisible();
  } finally {
    await guestContext.close();
  }
});

test('an offering without a cut-off says bookings can be cancelled until the start, as the cancellation quote does', async ({
  page,
  db,
}, testInfo) => {
  const { offering, occurrence } = await concert(db, { cancellationCutoffHours: null });
  await page.goto(`/o/${offering.slug}`);
  const policy = page.getByRole('heading', { name: 'Cancellation' }).locator('xpath=..');
  await expect(policy).toContainText('Free cancellation online until the start.');

  await bookTickets(page, {
    url: `/o/${offering.slug}/${occurrence.id}`,
    name: 'Nadia Nocutoff',
    email: uniqueEmail(testInfo, 'nocutoff'),
    paid: true,
  });
  await page.getByRole('button', { name: 'Cancel this booking…' }).click();
  await expect(page.getByTestId('cancellation-refund')).toHaveText(
    'If you cancel now, €29.00 will be refunded to the card you paid with.',
  );
  // The quote's deadline is the start itself.
  await expect(
    page.getByText(/^Online cancellation is possible until /).locator('time'),
  ).toHaveAttribute('datetime', occurrence.startsAt.toISOString());
  await expect(page.getByRole('button', { name: 'Cancel and refund €29.00' })).toBeEnabled();
});

test('an offering with a cut-off names it in hours on its page', async ({ page, db }) => {
  const { offering } = await concert(db, { cancellationCutoffHours: 1 });
  await page.goto(`/o/${offering.slug}`);
  const policy = page.getByRole('heading', { name: 'Cancellation' }).locator('xpath=..');
  await expect(policy).toContainText('Free cancellation online until 1 hour before the start.');
});

import { expectNoBlockingViolations } from './support/axe';
import { concert } from './support/data';
import { clientAddress, expect, test, uniqueEmail } from './support/fixtures';

test('a sold-out date offers the waiting list; joining confirms the place in line', async ({
  page,
  browser,
  db,
}, testInfo) => {
  const { offering, occurrence } = await concert(db, { quota: 1 });

  // Another customer holds the only ticket.
  const other = await browser.newContext({
    extraHTTPHeaders: { 'x-forwarded-for': clientAddress(testInfo, 1) },
  });
  try {
    const otherPage = await other.newPage();
    await otherPage.goto(`/o/${offering.slug}/${occurrence.id}`);
    await otherPage.getByLabel('Standard tickets').fill('1');
    await otherPage.getByRole('button', { name: 'Continue' }).click();
    await expect(otherPage).toHaveURL(/\/checkout\//);
  } finally {
    await other.close();
  }

  await page.goto(`/o/${offering.slug}`);
  await expect(page.getByText('Sold out')).toBeVisible();
  await page.getByRole('link', { name: /^Join the waiting list for / }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Sold out' })).toBeVisible();
  await expectNoBlockingViolations(page);

  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Join the waiting list' }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter a valid email address');

  const email = uniqueEmail(testInfo, 'waitlist');
  await page.getByLabel('Name (optional)').fill('Hana Waiting');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Places wanted').fill('2');
  // By keyboard: Enter in a field submits the form.
  await page.getByLabel('Places wanted').press('Enter');
  const joined = page.getByRole('status').filter({ hasText: 'You are on the waiting list' });
  await expect(joined).toContainText(`You are number 1 in line. We will email ${email}`);

  const entries = await db
    .selectFrom('waitlistEntries')
    .select(['email', 'name', 'quantity', 'status'])
    .where('occurrenceId', '=', occurrence.id)
    .execute();
  expect(entries).toEqual([{ email, name: 'Hana Waiting', quantity: 2, status: 'waiting' }]);
});

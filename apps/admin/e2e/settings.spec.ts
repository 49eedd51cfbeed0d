import { expect, test } from '@playwright/test';
import { DEMO } from '@tessera/db/seed';
import { withSuiteDatabase } from './database';
import { signIn } from './staff';

const demoHoldMinutes = () =>
  withSuiteDatabase(async (db) => {
    const org = await db
      .selectFrom('orgs')
      .select('holdMinutes')
      .where('slug', '=', DEMO.orgSlug)
      .executeTakeFirstOrThrow();
    return org.holdMinutes;
  });

test('an owner changes the hold time, a refused value first, and sees it saved', async ({
  page,
}) => {
  const before = await demoHoldMinutes();
  const holdMinutes = before === 25 ? 26 : 25;
  try {
    await signIn(page, DEMO.staff.owner);
    await page
      .getByRole('navigation', { name: 'Console' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    const holdTime = page.getByLabel('Hold time (minutes)');
    await expect(holdTime).toHaveValue(String(before));

    await holdTime.fill('500');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Check the fields marked below.')).toBeVisible();
    await expect(holdTime).toHaveAccessibleDescription(/Use at most 120 minutes/);
    await expect(holdTime).toHaveAttribute('aria-invalid', 'true');
    expect(await demoHoldMinutes()).toBe(before);

    await holdTime.fill(String(holdMinutes));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Hold time (minutes)')).toHaveValue(String(holdMinutes));
    expect(await demoHoldMinutes()).toBe(holdMinutes);
  } finally {
    await withSuiteDatabase((db) =>
      db
        .updateTable('orgs')
        .set({ holdMinutes: before })
        .where('slug', '=', DEMO.orgSlug)
        .execute(),
    );
  }
});

test('an auditor reads the settings without a form; check-in staff do not see them', async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.staff.auditor);
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Settings' })
    .click();
  await expect(page.getByText('Hold time', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save settings' })).toHaveCount(0);

  const checkin = await browser.newPage();
  await signIn(checkin, DEMO.staff.checkin);
  await expect(checkin.getByRole('banner')).toContainText('Check-in');
  await expect(
    checkin.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Settings' }),
  ).toHaveCount(0);
  await checkin.goto('/settings');
  await expect(
    checkin.getByText('Your role does not see the organisation settings.'),
  ).toBeVisible();
  await checkin.close();
});

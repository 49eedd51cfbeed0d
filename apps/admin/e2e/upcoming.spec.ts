import { expect, test } from '@playwright/test';
import { signIn } from './staff';

test('the owner sees the demo org’s upcoming occurrences, and no other org’s', async ({ page }) => {
  await signIn(page, 'owner@demo.test');

  await expect(page).toHaveURL(/\/$/);
  const banner = page.getByRole('banner');
  await expect(banner).toContainText('Tessera Demo');
  await expect(banner).toContainText('Owner');
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Upcoming' })
    .click();

  const table = page.getByRole('table', { name: /Upcoming occurrences/ });
  await expect(table).toBeVisible();
  for (const offering of ['Algiers → Oran coach', 'Symphonie fantastique', 'Jazz à la Villette']) {
    await expect(
      table.getByRole('rowheader', { name: new RegExp(offering) }).first(),
    ).toBeVisible();
  }
  // Times in the venue's zone, with the zone named.
  await expect(table.getByText(/\(Africa\/Algiers\)$/).first()).toBeVisible();
  await expect(table.getByText(/\(Europe\/Paris\)$/).first()).toBeVisible();
  // Sold / capacity, e.g. "0 / 49".
  await expect(table.getByRole('cell', { name: /^\d+ \/ \d+/ }).first()).toBeVisible();

  // The other org's event belongs to another tenant.
  await expect(page.getByText('Lyon open-air night')).toHaveCount(0);
  await expect(page.getByText('Other Events')).toHaveCount(0);
});

test('the other org’s owner sees only their own event', async ({ page }) => {
  await signIn(page, 'owner@other.test');
  await expect(page.getByRole('banner')).toContainText('Other Events');
  await page.goto('/upcoming');
  const table = page.getByRole('table', { name: /Upcoming occurrences/ });
  await expect(table.getByRole('rowheader', { name: /Lyon open-air night/ }).first()).toBeVisible();
  await expect(page.getByText('Algiers → Oran coach')).toHaveCount(0);
});

test('a staff member signs out and is back at sign-in', async ({ page }) => {
  await signIn(page, 'agent@demo.test');
  await expect(page.getByRole('banner')).toContainText('Agent');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin$/);
});

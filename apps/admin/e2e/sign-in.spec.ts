import { expect, test } from '@playwright/test';
import { BOOKING_SITE_URL } from './booking-site';
import { submitSignIn } from './staff';

test('an unauthenticated visit is sent to the sign-in page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Staff sign in' })).toBeVisible();
});

test('a customer is refused politely and pointed to the booking site', async ({ page }) => {
  await submitSignIn(page, 'customer@demo.test');

  const refusal = page.getByRole('alert').filter({ hasText: 'not a staff account' });
  await expect(refusal).toContainText(
    'This console is for operator staff. Customers can manage bookings at the booking site.',
  );
  await expect(refusal.getByRole('link', { name: 'booking site' })).toHaveAttribute(
    'href',
    BOOKING_SITE_URL,
  );
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin$/);
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await submitSignIn(page, 'owner@demo.test', 'not-the-password');
  await expect(
    page.getByRole('alert').filter({ hasText: 'email and password do not match' }),
  ).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('owner@demo.test');
});

import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'tessera-demo';

/** Fills and sends the sign-in form; what follows (console or refusal) is the caller's to wait for. */
export async function submitSignIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs a staff member in and returns once the console shows them signed in (its header's
 * Sign out button, which every role has), so the next navigation carries the session.
 */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await submitSignIn(page, email, password);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
}

import { expect, test, type Page } from '@playwright/test';

const DEMO_CUSTOMER = {
  email: 'customer@demo.test',
  password: 'tessera-demo',
  name: 'Demo Customer',
};

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const accountNav = (page: Page) => page.getByRole('navigation', { name: 'Account' });

test('a new customer signs up, is signed in, and signs out', async ({ page }, testInfo) => {
  const email = `e2e-${testInfo.workerIndex}-${Date.now()}@example.test`;
  await page.goto('/signup');
  await page.getByLabel('Name').fill('Nadia Example');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a-good-long-password');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL('/');
  await expect(accountNav(page).getByRole('link', { name: 'Nadia Example' })).toBeVisible();

  await accountNav(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(accountNav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(accountNav(page).getByRole('link', { name: 'Nadia Example' })).toHaveCount(0);
});

test('sign-up shows the API’s errors next to the fields', async ({ page }) => {
  await page.goto('/signup');
  await page.getByLabel('Name').fill('Someone');
  await page.getByLabel('Email').fill(DEMO_CUSTOMER.email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/at least 8 characters/i);
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Password')).toBeFocused();

  await page.getByLabel('Password').fill('long-enough-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription(
    /An account with this email already exists/,
  );
  await expect(page).toHaveURL('/signup');
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await signIn(page, DEMO_CUSTOMER.email, 'not-the-password');
  const alert = page.getByRole('alert').filter({ hasText: 'Sign-in failed' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('email and password do not match');
  await expect(page).toHaveURL(/\/signin/);
  // The email is kept so only the password needs typing again.
  await expect(page.getByLabel('Email')).toHaveValue(DEMO_CUSTOMER.email);
});

test('the right password signs the customer in', async ({ page }) => {
  await signIn(page, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password);
  await expect(page).toHaveURL('/');
  await accountNav(page).getByRole('link', { name: DEMO_CUSTOMER.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.getByText(DEMO_CUSTOMER.email)).toBeVisible();
});

test('the account page asks a signed-out visitor to sign in first', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount|\/signin\?callbackUrl=\/account/);
  await page.getByLabel('Email').fill(DEMO_CUSTOMER.email);
  await page.getByLabel('Password').fill(DEMO_CUSTOMER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/account');
});

test('signing in never sends the customer to another site', async ({ page }) => {
  await page.goto('/signin?callbackUrl=//example.com/phish');
  await page.getByLabel('Email').fill(DEMO_CUSTOMER.email);
  await page.getByLabel('Password').fill(DEMO_CUSTOMER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(accountNav(page).getByRole('link', { name: DEMO_CUSTOMER.name })).toBeVisible();
  await expect(page).toHaveURL('/');
});

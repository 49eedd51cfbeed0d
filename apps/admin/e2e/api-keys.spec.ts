import { expect, test } from '@playwright/test';
import { signIn } from './staff';

test('an owner creates an API key, sees it once, sees it used, and revokes it', async ({
  page,
  request,
}) => {
  const name = `Kiosk ${crypto.randomUUID().slice(0, 8)}`;
  await signIn(page, 'owner@demo.test');
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'API keys' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();

  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText('Choose at least one scope')).toBeVisible();

  await page.getByLabel(/^catalog:read/).check();
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText('Key created')).toBeVisible();
  const key = (await page.getByTestId('api-key').textContent()) ?? '';
  expect(key).toMatch(/^tk_live_[\w-]{32}$/);
  const card = page.getByRole('listitem').filter({ hasText: name });
  await expect(card).toContainText(`${key.slice(0, 16)}…`);
  await expect(card).toContainText('never used');

  const whoami = () =>
    request.get('/api/trpc/developer.whoami', { headers: { authorization: `Bearer ${key}` } });
  expect((await whoami()).status()).toBe(200);

  // Shown once: gone after a reload; the use is on the card.
  await page.reload();
  await expect(page.getByText(key)).toHaveCount(0);
  await expect(card).toContainText('last used');

  await card.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(card).toContainText('Revoked');
  expect((await whoami()).status()).toBe(401);
});

test('a manager has no API keys in the nav and is refused the page', async ({ page }) => {
  await signIn(page, 'manager@demo.test');
  const nav = page.getByRole('navigation', { name: 'Console' });
  await expect(nav.getByRole('link', { name: 'Webhooks' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'API keys' })).toHaveCount(0);
  await page.goto('/settings/api-keys');
  await expect(page.getByText('Only owners manage API keys')).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { seatedShow } from './seated';
import { signIn } from './staff';

test('an owner adds and edits a tax rate, and an offering picks it', async ({ page }) => {
  const show = await seatedShow();
  const name = `VAT ${crypto.randomUUID().slice(0, 6)}`;
  await signIn(page, 'owner@demo.test');
  await expect(page.getByRole('banner')).toContainText('Owner');
  await page.goto('/settings');
  await page.getByRole('link', { name: 'Tax rates' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tax rates' })).toBeVisible();

  await page.getByLabel(/^Rate \(%\)/).fill('101');
  await page.getByLabel(/^Name/).fill(name);
  await page.getByRole('button', { name: 'Add tax rate' }).click();
  await expect(page.getByText('Use at most 10000 basis points (100 %)')).toBeVisible();
  await page.getByLabel(/^Rate \(%\)/).fill('20');
  await page.getByRole('button', { name: 'Add tax rate' }).click();
  await expect(page.getByText(`${name} saved.`)).toBeVisible();

  const rate = page.getByLabel(`Tax rate ${name}: Rate (%)`);
  await expect(rate).toHaveValue('20');
  await rate.fill('5.5');
  await page.getByRole('button', { name: `Save ${name}` }).click();
  // The edit's own message: the add form below still says "saved." from the add.
  await expect(
    page.getByRole('list', { name: 'Tax rates' }).getByText(`${name} saved.`),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Tax rate ${name}: Rate (%)`)).toHaveValue('5.5');

  await page.goto(`/catalog/${show.occurrence.offeringId}`);
  await page.getByLabel('Tax rate').selectOption({ label: `${name} (5.5 %, included)` });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Tax rate').locator('option:checked')).toHaveText(
    `${name} (5.5 %, included)`,
  );
});

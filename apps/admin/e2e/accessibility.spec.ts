import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './staff';

async function blockingViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((node) => node.target) }));
}

test('sign-in has no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/signin');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
});

test('the upcoming list has no serious or critical accessibility violations', async ({ page }) => {
  await signIn(page, 'manager@demo.test');
  await expect(page.getByRole('table')).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
});

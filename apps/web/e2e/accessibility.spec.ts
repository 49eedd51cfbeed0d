import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function expectNoBlockingViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const blocking = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((node) => node.target) }));
  expect(blocking).toEqual([]);
}

for (const path of [
  '/',
  '/signin',
  '/signup',
  '/o/symphonie-fantastique',
  '/o/jazz-a-la-villette',
]) {
  test(`${path} has no serious or critical accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoBlockingViolations(page);
  });
}

for (const [slug, ready] of [
  ['symphonie-fantastique', 'Choose your seats'],
  ['jazz-a-la-villette', 'Choose your tickets'],
] as const) {
  test(`a date of ${slug} has no serious or critical accessibility violations`, async ({
    page,
  }) => {
    await page.goto(`/o/${slug}`);
    await page
      .getByRole('link', { name: /^Choose / })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 2, name: ready })).toBeVisible();
    await expectNoBlockingViolations(page);
  });
}

test('checkout and the booking page have no serious or critical accessibility violations', async ({
  page,
}, testInfo) => {
  // Its own client address: the API caps live holds per client, and tests run in parallel.
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `10.250.${testInfo.retry}.1` });
  await page.goto('/o/jazz-a-la-villette');
  await page
    .getByRole('link', { name: /^Choose / })
    .first()
    .click();
  await page.getByLabel('Standard tickets').fill('1');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  await expect(page.getByTestId('checkout-total')).toBeVisible();
  await expectNoBlockingViolations(page);

  await page.getByLabel('Name').fill('Axe Check');
  await page.getByLabel('Email').fill(`axe-${testInfo.retry}-${Date.now()}@example.test`);
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toBeVisible();
  await expectNoBlockingViolations(page);
});

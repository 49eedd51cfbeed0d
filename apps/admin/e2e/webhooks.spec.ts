import { expect, test } from '@playwright/test';
import { withSuiteDatabase } from './database';
import { signIn } from './staff';

test('an owner adds an endpoint, sees its secret once, retries a dead delivery and disables it', async ({
  page,
}) => {
  const url = `https://hooks.example.test/${crypto.randomUUID().slice(0, 8)}`;
  await signIn(page, 'owner@demo.test');
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Webhooks' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();

  const address = page.getByLabel('Address (URL)');
  await address.fill('ftp://files.example.test/drop');
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByText('Enter an http:// or https:// address')).toBeVisible();
  await expect(address).toHaveAttribute('aria-invalid', 'true');

  await address.fill(url);
  await page.getByLabel('booking.confirmed').check();
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByText('Endpoint added')).toBeVisible();
  const secret = (await page.getByTestId('webhook-secret').textContent()) ?? '';
  expect(secret).toMatch(/^whsec_[\w-]{32}$/);
  const card = page.getByRole('listitem').filter({ hasText: url });
  await expect(card).toContainText('booking.confirmed');
  await expect(card).toContainText('Active');

  // Shown once: not on the page any more after a reload.
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);

  // A delivery that gave up after its retries, as the worker leaves one.
  const deliveryId = await withSuiteDatabase(async (db) => {
    const endpoint = await db
      .selectFrom('webhookEndpoints')
      .select(['id', 'orgId'])
      .where('url', '=', url)
      .executeTakeFirstOrThrow();
    const delivery = await db
      .insertInto('webhookDeliveries')
      .values({
        orgId: endpoint.orgId,
        endpointId: endpoint.id,
        eventType: 'booking.confirmed',
        payload: JSON.stringify({ type: 'booking.confirmed' }),
        status: 'dead',
        attempts: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('webhookDeliveryAttempts')
      .values({
        orgId: endpoint.orgId,
        deliveryId: delivery.id,
        attemptNo: 1,
        responseStatus: 502,
        responseBody: 'bad gateway',
        durationMs: 35,
      })
      .execute();
    return delivery.id;
  });

  await page.getByRole('link', { name: `Deliveries to ${url}` }).click();
  const row = page.getByRole('row', { name: new RegExp(deliveryId) });
  await expect(row).toContainText('Gave up');
  await expect(row).toContainText('#1: HTTP 502');
  await expect(row).toContainText('bad gateway');
  await row.getByRole('button', { name: `Retry delivery ${deliveryId}` }).click();
  // Queued again: the row says so and offers no second retry.
  await expect(row).toContainText('Sending');
  await expect(row.getByRole('button', { name: /^Retry/ })).toHaveCount(0);

  await page.getByRole('link', { name: 'Back to endpoints' }).click();
  await card.getByRole('button', { name: `Disable ${url}` }).click();
  await expect(card).toContainText('Disabled');
});

test('an auditor reads endpoints but cannot add or disable one; an agent has no such page', async ({
  page,
}) => {
  await signIn(page, 'auditor@demo.test');
  await expect(page.getByRole('banner')).toContainText('Auditor');
  await page.goto('/webhooks');
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add endpoint' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Disable/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await signIn(page, 'agent@demo.test');
  await expect(page.getByRole('banner')).toContainText('Agent');
  await expect(page.getByRole('link', { name: 'Webhooks' })).toHaveCount(0);
  await page.goto('/webhooks');
  await expect(
    page.getByText('Only owners, managers and auditors see webhook endpoints.'),
  ).toBeVisible();
});

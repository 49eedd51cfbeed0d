import { expect, test } from '@playwright/test';
import { withSuiteDatabase } from './database';
import { mutate } from './desk';
import { signIn } from './staff';

test('the audit log lists a staff change and narrows it by who, entity type and days', async ({
  browser,
  page,
}) => {
  // A change by the manager, made in the manager's own session.
  const manager = await browser.newPage();
  await signIn(manager, 'manager@demo.test');
  await expect(manager.getByRole('banner')).toContainText('Manager');
  const url = `https://hooks.example.test/audit-${crypto.randomUUID().slice(0, 8)}`;
  await mutate(manager.request, 'staff.webhooks.create', { url });
  await manager.close();
  // And an entry of another entity type by the same person, for the type filter to leave out.
  const venueId = `venue-${crypto.randomUUID().slice(0, 8)}`;
  await withSuiteDatabase(async (db) => {
    const who = await db
      .selectFrom('users as u')
      .innerJoin('memberships as m', 'm.userId', 'u.id')
      .select(['u.id', 'u.email', 'm.orgId'])
      .where('u.email', '=', 'manager@demo.test')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('auditLog')
      .values({
        orgId: who.orgId,
        actorUserId: who.id,
        actorLabel: who.email,
        action: 'venue.updated',
        entityType: 'venue',
        entityId: venueId,
        changes: JSON.stringify({ name: 'Probe hall' }),
      })
      .execute();
  });

  await signIn(page, 'auditor@demo.test');
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  const search = page.getByRole('search', { name: 'Audit log' });
  const table = page.getByRole('table', { name: 'Audit log, newest first' });

  await search.getByLabel('Who').selectOption({ label: 'manager@demo.test' });
  await search.getByLabel('Entity type').selectOption('webhook_endpoint');
  // Days are the org's (Europe/Paris).
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  await search.getByLabel('From day').fill(today);
  await search.getByLabel('To day').fill(today);
  await search.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/entityType=webhook_endpoint/);
  const row = table.getByRole('row').filter({ hasText: url });
  await expect(row).toContainText('webhook_endpoint.created');
  await expect(row).toContainText('manager@demo.test');
  await expect(row).toContainText('(Europe/Paris)');
  // Every row shown matches the filters.
  for (const text of await table.locator('tbody tr').allInnerTexts()) {
    expect(text).toContain('manager@demo.test');
    expect(text).toContain('webhook_endpoint');
  }

  await expect(page.getByText(venueId)).toHaveCount(0);

  await search.getByLabel('Entity type').selectOption('venue');
  await search.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/entityType=venue/);
  await expect(table.getByRole('row').filter({ hasText: venueId })).toContainText('venue.updated');
  await expect(page.getByText(url)).toHaveCount(0);

  await search.getByLabel('Entity type').selectOption('webhook_endpoint');
  await search.getByLabel('From day').fill('2020-01-01');
  await search.getByLabel('To day').fill('2020-01-02');
  await search.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByText('No change matches.')).toBeVisible();
});

test('roles without audit access get no link and no log', async ({ page }) => {
  await signIn(page, 'agent@demo.test');
  await expect(page.getByRole('banner')).toContainText('Agent');
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await page.goto('/audit');
  await expect(page.getByText('Not available to your role')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});

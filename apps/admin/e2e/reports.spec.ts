import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO } from '@tessera/db/seed';
import { withSuiteDatabase } from './database';
import { signIn } from './staff';

/** Two sales on a day of their own, an hour apart around Paris midnight, by web and by an agent. */
async function salesAroundMidnight(day: string) {
  await withSuiteDatabase(async (db) => {
    const offering = await db
      .selectFrom('offerings')
      .innerJoin('orgs', 'orgs.id', 'offerings.orgId')
      .select(['offerings.id', 'offerings.orgId'])
      .where('orgs.slug', '=', DEMO.orgSlug)
      .limit(1)
      .executeTakeFirstOrThrow();
    const token = crypto.randomUUID().replaceAll('-', '').slice(0, 6).toUpperCase();
    const sale = (
      reference: string,
      confirmedAt: string,
      channel: 'web' | 'agent',
      total: number,
    ) => ({
      orgId: offering.orgId,
      offeringId: offering.id,
      reference,
      channel,
      status: 'confirmed' as const,
      contactName: 'Report Reader',
      contactEmail: 'reports@example.test',
      subtotalAmount: total,
      totalAmount: total,
      paidAmount: total,
      currency: 'EUR',
      confirmedAt: new Date(confirmedAt),
    });
    await db
      .insertInto('bookings')
      .values([
        sale(`R${token}A`, `${day}T21:30:00Z`, 'web', 4550),
        sale(`R${token}B`, `${day}T22:30:00Z`, 'agent', 1200),
      ])
      .execute();
  });
}

test('each report table downloads as CSV with exactly the rows shown', async ({ page }) => {
  // A summer day of its own in the past: no other test sells on it.
  const day = `2020-07-${String(1 + Math.floor(Math.random() * 27)).padStart(2, '0')}`;
  await salesAroundMidnight(day);
  await signIn(page, 'auditor@demo.test');
  await expect(page.getByRole('banner')).toContainText('Auditor');
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Reports' })
    .click();
  await page.getByLabel('From').fill(day);
  await page.getByLabel('To').fill(day);
  await page.getByRole('button', { name: 'Show' }).click();

  const revenue = page.getByTestId('report-revenue');
  // 23:30 Paris on the day counts on it; 00:30 is the next Paris day, outside the range.
  await expect(revenue.getByRole('row')).toHaveCount(2);
  await expect(revenue.getByRole('row').nth(1)).toHaveText(`${day}EUR145.50`);

  for (const table of ['revenue', 'channels']) {
    const shown = await page
      .getByTestId(`report-${table}`)
      .getByRole('row')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent ?? ''),
        ),
      );
    const name = table === 'revenue' ? 'revenue by day' : 'sales by channel';
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Download CSV of ${name}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${table}-${day}-to-${day}.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    expect(
      csv
        .trimEnd()
        .split('\r\n')
        .map((line) => line.split(',')),
    ).toEqual(shown);
  }
});

test('check-in staff are not shown reports', async ({ page }) => {
  await signIn(page, 'checkin@demo.test');
  await expect(page.getByRole('banner')).toContainText('Check-in');
  await expect(page.getByRole('navigation', { name: 'Console' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Reports' })).toHaveCount(0);
  await page.goto('/reports');
  await expect(page.getByText('Only owners, managers and auditors see reports.')).toBeVisible();
  const csv = await page.request.get('/reports/csv/revenue?from=2020-07-01&to=2020-07-02');
  expect(csv.status()).toBe(403);
});

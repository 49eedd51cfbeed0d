import { expect, test } from '@playwright/test';
import { DEMO } from '@tessera/db/seed';
import { failedJobOf } from './failed-jobs';
import { signIn } from './staff';

test('a manager sees the org’s failed job and retries it', async ({ page }) => {
  const job = await failedJobOf(DEMO.orgSlug);
  try {
    await signIn(page, 'manager@demo.test');
    await page
      .getByRole('navigation', { name: 'Console' })
      .getByRole('link', { name: 'Failed jobs' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Failed jobs' })).toBeVisible();

    const row = page.getByRole('row', { name: new RegExp(job.summary) });
    await expect(row).toBeVisible();
    await expect(row).toContainText('Waiting lists');
    await expect(row).toContainText('bad waitlist job payload: aggregateId: Invalid UUID');
    await expect(row.getByRole('cell', { name: /^1 of \d+$/ })).toBeVisible();

    await row.getByRole('button', { name: `Retry ${job.summary}` }).click();
    // Back in the queue, it is no longer a failed job.
    await expect(page.getByRole('row', { name: new RegExp(job.summary) })).toHaveCount(0);
  } finally {
    await job.remove();
  }
});

test('roles that may not retry jobs get no link and no list', async ({ page }) => {
  await signIn(page, 'agent@demo.test');
  await expect(page.getByRole('banner')).toContainText('Agent');
  await expect(page.getByRole('link', { name: 'Failed jobs' })).toHaveCount(0);
  await page.goto('/jobs');
  await expect(
    page.getByText('Only owners and managers see failed background jobs.'),
  ).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('another org’s owner does not see this org’s failed job', async ({ page }) => {
  const job = await failedJobOf(DEMO.orgSlug);
  try {
    await signIn(page, 'owner@other.test');
    await expect(page.getByRole('banner')).toContainText('Other Events');
    await page.goto('/jobs');
    await expect(page.getByRole('heading', { level: 1, name: 'Failed jobs' })).toBeVisible();
    await expect(page.getByText(job.summary)).toHaveCount(0);
  } finally {
    await job.remove();
  }
});

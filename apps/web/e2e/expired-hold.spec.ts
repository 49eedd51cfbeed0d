import { expectNoBlockingViolations } from './support/axe';
import { concert } from './support/data';
import { expect, test } from './support/fixtures';

test('when the hold runs out at checkout, the customer is told the tickets were released and can go back', async ({
  page,
  db,
}) => {
  const { offering, occurrence } = await concert(db, { quota: 2 });
  const dateUrl = `/o/${offering.slug}/${occurrence.id}`;
  await page.goto(dateUrl);
  await page.getByLabel('Standard tickets').fill('2');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}/);
  await expect(page.getByRole('timer')).toHaveText(/held for \d+:\d\d/);
  const holdId = /\/checkout\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';

  // Instead of waiting out the org's ten minutes, the hold is made to end in a few seconds.
  const soon = new Date(Date.now() + 3_000);
  await db.updateTable('holds').set({ expiresAt: soon }).where('id', '=', holdId).execute();
  await db
    .updateTable('ticketUnits')
    .set({ heldUntil: soon })
    .where('holdId', '=', holdId)
    .execute();
  await page.reload();
  await expect(page.getByRole('timer')).toHaveText(/held for 0:0\d/);

  // At zero, without a reload.
  const expired = page.getByRole('alert').filter({ hasText: 'Your hold expired' });
  await expect(expired).toContainText('they were released for others');
  await expect(expired).toContainText('Nothing was booked and nothing was charged.');
  await expect(page.getByRole('button', { name: 'Pay' })).toHaveCount(0);
  await expectNoBlockingViolations(page);

  await expired.getByRole('link', { name: 'Back to this date' }).click();
  await expect(page).toHaveURL(dateUrl);
  // The two tickets are on sale again.
  await expect(page.getByLabel('Standard tickets')).toBeVisible();
  await page.goto(`/o/${offering.slug}`);
  await expect(page.getByText('Only 2 left')).toBeVisible();
});

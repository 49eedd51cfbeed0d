import { expect, test } from '@playwright/test';
import { demoConcert } from './desk';
import { withSuiteDatabase } from './database';
import { signIn } from './staff';

/** A date with free places and one party waiting (joined while it was sold out). */
async function dateWithWaitingParty() {
  const concert = await demoConcert();
  const email = `waiting-${crypto.randomUUID().slice(0, 8)}@example.test`;
  await withSuiteDatabase((db) =>
    db
      .insertInto('waitlistEntries')
      .values({
        orgId: concert.offering.orgId,
        occurrenceId: concert.occurrence.id,
        email,
        quantity: 2,
      })
      .execute(),
  );
  return { concert, email };
}

test('an agent offers the places to a waiting party now; the offer shows as made', async ({
  page,
}) => {
  const { concert, email } = await dateWithWaitingParty();
  await signIn(page, 'agent@demo.test');
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Waiting lists' })
    .click();
  await page
    .getByRole('link', { name: new RegExp(`waiting list of ${concert.offering.name}`) })
    .click();
  await expect(
    page.getByRole('heading', { name: `Waiting list: ${concert.offering.name}` }),
  ).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(email) });
  await expect(row).toContainText('Waiting');
  await expect(row).toContainText('None yet');

  await row.getByRole('button', { name: `Offer now to ${email}` }).click();
  // The list is rendered again with the offer and its state; the button is gone.
  await expect(row).toContainText('holds until');
  await expect(row.getByRole('button', { name: /Offer now/ })).toHaveCount(0);
  await page.reload();
  const offered = page.getByRole('row', { name: new RegExp(email) });
  await expect(offered).toContainText('Offered');
  await expect(offered).toContainText('holds until');
  const hold = await withSuiteDatabase((db) =>
    db
      .selectFrom('waitlistEntries as w')
      .innerJoin('holds as h', 'h.id', 'w.offerHoldId')
      .select(['w.status', 'h.status as holdStatus'])
      .where('w.email', '=', email)
      .executeTakeFirstOrThrow(),
  );
  expect(hold).toEqual({ status: 'offered', holdStatus: 'active' });
});

test('an auditor reads a waiting list but has no offer button', async ({ page }) => {
  const { concert, email } = await dateWithWaitingParty();
  await signIn(page, 'auditor@demo.test');
  await expect(page.getByRole('banner')).toContainText('Auditor');
  await page.goto(`/waitlists/${concert.occurrence.id}`);
  await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('Waiting');
  await expect(page.getByRole('button', { name: /Offer now/ })).toHaveCount(0);
  await expect(page.getByText('Your role cannot make offers')).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { DEMO } from '@tessera/db/seed';
import { startQueueWorker } from '@tessera/playwright-config/queue-worker';
import { withSuiteDatabase } from './database';
import { signIn } from './staff';
import { ADMIN_E2E_DATABASE, CONSOLE_URL } from './suite';

let worker: Awaited<ReturnType<typeof startQueueWorker>> | undefined;
test.beforeAll(async () => {
  // The worker turns the invitation's outbox event into a recorded email (no SMTP here).
  worker = await startQueueWorker({
    databaseName: ADMIN_E2E_DATABASE,
    queuePrefix: `tessera-e2e-admin-mail-${process.pid}`,
  });
});
test.afterAll(async () => {
  await worker?.stop();
});

const recordedInvitation = (email: string) =>
  withSuiteDatabase((db) =>
    db
      .selectFrom('outboundMessages')
      .select(['subject', 'bodyText', 'status'])
      .where('recipient', '=', email)
      .where('template', '=', 'staff.invited')
      .executeTakeFirst(),
  );

test('an owner invites check-in staff, who joins by the emailed link and sees only what check-in may', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const email = `door-${crypto.randomUUID().slice(0, 8)}@staff.test`;
  await signIn(page, DEMO.staff.owner);
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Team' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();

  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter a valid email address');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('checkin');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Invitation sent to ${email}.` }),
  ).toBeVisible();
  const pending = page
    .getByRole('list', { name: 'Pending invitations' })
    .getByRole('listitem')
    .filter({ hasText: email });
  await expect(pending).toContainText('Check-in');
  await expect(pending).toContainText('Pending');

  // The worker records the email; its link is the way in.
  await expect.poll(() => recordedInvitation(email), { timeout: 20_000 }).toBeDefined();
  const message = await recordedInvitation(email);
  expect(message).toMatchObject({ subject: 'Join Tessera Demo on Tessera', status: 'recorded' });
  const link = new RegExp(`${CONSOLE_URL}/invitations/[A-Za-z0-9_-]{43}`).exec(
    message?.bodyText ?? '',
  )?.[0];
  expect(link).toBeDefined();

  // The outbox lists it, and shows its text.
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Email outbox' })
    .click();
  await page.getByLabel('Recipient').fill(email);
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('staff.invited');
  await expect(row).toContainText('Recorded (not sent)');
  await row.getByRole('link', { name: 'Join Tessera Demo on Tessera' }).click();
  await expect(page.getByTestId('message-text')).toContainText(link ?? '');

  // A fresh browser: nobody signed in.
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link ?? '');
  await expect(invitee.getByRole('heading', { level: 1, name: 'Join Tessera Demo' })).toBeVisible();
  await invitee.getByLabel('Your name').fill('Dora Door');
  await invitee.getByLabel('Choose a password').fill('short');
  await invitee.getByRole('button', { name: 'Create account and join' }).click();
  await expect(invitee.getByLabel('Choose a password')).toHaveAccessibleDescription(
    /Use at least 8 characters/,
  );
  await invitee.getByLabel('Choose a password').fill('door-password-1');
  await invitee.getByRole('button', { name: 'Create account and join' }).click();
  await expect(invitee.getByRole('banner')).toContainText('Check-in');

  // Signed out and in again with the new password: check-in sees bookings, not staff pages.
  await invitee.getByRole('button', { name: 'Sign out' }).click();
  await signIn(invitee, email, 'door-password-1');
  const nav = invitee.getByRole('navigation', { name: 'Console' });
  await expect(invitee.getByRole('banner')).toContainText('Dora Door');
  await expect(nav.getByRole('link', { name: 'Bookings' })).toBeVisible();
  for (const hidden of ['Team', 'Settings', 'Email outbox', 'API keys', 'Reports'])
    await expect(nav.getByRole('link', { name: hidden })).toHaveCount(0);
  await invitee.goto('/settings/team');
  await expect(invitee.getByText('Your role does not see the staff list.')).toBeVisible();

  // The link was spent.
  await invitee.goto(link ?? '');
  await expect(
    invitee.getByRole('heading', { level: 1, name: 'This invitation cannot be used' }),
  ).toBeVisible();
  await context.close();

  await page.goto('/settings/team');
  await expect(
    page.getByRole('list', { name: 'Members' }).getByRole('listitem').filter({ hasText: email }),
  ).toContainText('Check-in');
  await expect(
    page.getByRole('list', { name: 'Pending invitations' }).getByText(email),
  ).toHaveCount(0);
});

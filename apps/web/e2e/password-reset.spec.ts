import { createUser } from '@tessera/db/seed';
import { expectNoBlockingViolations } from './support/axe';
import { expect, test, uniqueEmail } from './support/fixtures';
import { startQueueWorker } from './support/worker';

let worker: Awaited<ReturnType<typeof startQueueWorker>> | undefined;
test.beforeAll(async () => {
  worker = await startQueueWorker();
});
test.afterAll(async () => {
  await worker?.stop();
});

test('a customer resets a forgotten password through the emailed link, then signs in with it', async ({
  page,
  db,
}, testInfo) => {
  const email = uniqueEmail(testInfo, 'reset');
  await createUser(db, { email, name: 'Rym Forgetful', password: 'the-old-password' });

  await page.goto('/signin');
  await page.getByRole('link', { name: 'Forgotten your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forgotten password' })).toBeVisible();
  await expectNoBlockingViolations(page);
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter a valid email address');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Email').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Check your email' })).toContainText(
    `If an account uses ${email}, we have sent it a link`,
  );

  // The worker relays the request and records the email it sends.
  const recorded = () =>
    db
      .selectFrom('outboundMessages')
      .select(['subject', 'bodyText', 'status'])
      .where('recipient', '=', email)
      .where('template', '=', 'account.password_reset_requested')
      .executeTakeFirst();
  await expect.poll(recorded, { timeout: 15_000 }).toBeDefined();
  const message = await recorded();
  if (!message) throw new Error('the reset email was not recorded');
  expect(message.subject).toBe('Reset your Tessera password');
  expect(message.status).toBe('recorded');
  const link = /http:\/\/127\.0\.0\.1:3100\/reset-password\/[A-Za-z0-9_-]{43}/.exec(
    message.bodyText,
  )?.[0];
  expect(link).toBeDefined();

  await page.goto(link ?? '');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Choose a new password' }),
  ).toBeVisible();
  await expectNoBlockingViolations(page);
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByLabel('New password')).toHaveAccessibleDescription(
    /Use at least 8 characters/,
  );
  await page.getByLabel('New password').fill('the-new-password');
  await page.getByLabel('New password').press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Your password has been changed' }),
  ).toBeVisible();

  // The link is spent.
  await page.goto(link ?? '');
  await page.getByLabel('New password').fill('a-third-password');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Your password was not changed' }),
  ).toContainText('This reset link has expired or was already used. Ask for a new one.');

  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('the-old-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Sign-in failed' })).toBeVisible();
  await page.getByLabel('Password').fill('the-new-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Rym Forgetful' }),
  ).toBeVisible();
});

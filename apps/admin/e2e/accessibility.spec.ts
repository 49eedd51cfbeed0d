import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO } from '@tessera/db/seed';
import { withSuiteDatabase } from './database';
import { bookTickets, demoConcert } from './desk';
import { failedJobOf } from './failed-jobs';
import { bookSeat, seatedShow } from './seated';
import { signIn } from './staff';

/** `exclude`: parts that are not the console's markup (an email's HTML in its sandbox). */
async function blockingViolations(page: Page, { exclude }: { exclude?: string } = {}) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const { violations } = await (exclude ? builder.exclude(exclude) : builder).analyze();
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
  await expect(page.getByRole('banner')).toContainText('Manager');
  await page.goto('/upcoming');
  await expect(page.getByRole('table')).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
});

test('the dashboard, audit log and waiting-list pages have no serious or critical accessibility violations', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const concert = await demoConcert();
  await withSuiteDatabase((db) =>
    db
      .insertInto('waitlistEntries')
      .values({
        orgId: concert.offering.orgId,
        occurrenceId: concert.occurrence.id,
        email: `axe-${crypto.randomUUID().slice(0, 8)}@example.test`,
        quantity: 1,
      })
      .execute(),
  );
  await signIn(page, 'owner@demo.test');
  await expect(page.getByRole('heading', { name: 'Sales today' })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await page.goto('/audit');
  await expect(page.getByRole('button', { name: 'Filter' })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await page.goto('/waitlists');
  await expect(page.getByRole('table', { name: /Dates with a waiting list/ })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await page.goto(`/waitlists/${concert.occurrence.id}`);
  await expect(page.getByRole('button', { name: /Offer now/ })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
});

test('the failed-jobs and webhooks pages have no serious or critical accessibility violations', async ({
  page,
}) => {
  const job = await failedJobOf(DEMO.orgSlug);
  try {
    await signIn(page, 'owner@demo.test');
    await expect(page.getByRole('banner')).toContainText('Owner');
    await page.goto('/jobs');
    await expect(page.getByRole('row', { name: new RegExp(job.summary) })).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
    await page.goto('/webhooks');
    await expect(page.getByRole('button', { name: 'Add endpoint' })).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
  } finally {
    await job.remove();
  }
});

test('the bookings, booking, check-in and manifest pages have no serious or critical accessibility violations', async ({
  page,
}) => {
  await page.setExtraHTTPHeaders({
    'x-forwarded-for': `10.90.${Math.floor(Math.random() * 250)}.7`,
  });
  const concert = await demoConcert({ priceAmount: 2500 });
  const { reference } = await bookTickets(page.request, concert, ['Axe Tester']);
  await signIn(page, 'owner@demo.test');
  await expect(page.getByRole('banner')).toContainText('Owner');
  await page.goto(`/bookings?query=${reference}`);
  await expect(page.getByRole('link', { name: reference })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await page.goto(`/bookings/${reference}`);
  await expect(page.getByRole('button', { name: 'Mark paid' })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await page.goto(`/check-in/${concert.occurrence.id}`);
  await page.getByLabel('Ticket code').fill('NOSUCHCODE');
  await page.getByRole('button', { name: 'Check in' }).click();
  await expect(page.getByTestId('scan-result')).toContainText('Unknown ticket');
  expect(await blockingViolations(page)).toEqual([]);
  await page.goto(`/check-in/${concert.occurrence.id}/manifest`);
  await expect(page.getByRole('link', { name: 'Download CSV' })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
});

test('the catalog, offering, new-offering, venues, resources and reports pages have no serious or critical accessibility violations', async ({
  page,
}) => {
  // Six pages, each with a full axe pass: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  await signIn(page, 'owner@demo.test');
  await expect(page.getByRole('banner')).toContainText('Owner');
  await page.goto('/catalog');
  await expect(page.getByRole('list', { name: 'Offerings' })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await page.getByRole('list', { name: 'Offerings' }).getByRole('link').first().click();
  await expect(page.getByRole('button', { name: 'Preview dates' })).toBeVisible();
  // With the series preview listed and a field refused.
  await page.getByLabel('First date').fill('2030-01-01');
  await page.getByRole('button', { name: 'Preview dates' }).click();
  await expect(page.getByRole('list', { name: 'Series dates' })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await page.goto('/catalog/new');
  await page.getByLabel('Kind').selectOption('trip');
  await page.getByRole('button', { name: 'Create offering' }).click();
  await expect(page.getByText('Check the fields marked below.')).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await page.goto('/venues');
  await expect(page.getByRole('button', { name: 'Add venue' })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await page.goto('/reports');
  await expect(page.getByRole('heading', { name: 'Revenue by day' })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await page.goto('/resources');
  await expect(page.getByRole('button', { name: 'Add resource' })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
});

test('the settings, team, outbox, message and invitation pages have no serious or critical accessibility violations', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const email = `axe-${crypto.randomUUID().slice(0, 8)}@staff.test`;
  const messageId = await withSuiteDatabase(async (db) => {
    const org = await db
      .selectFrom('orgs')
      .select('id')
      .where('slug', '=', DEMO.orgSlug)
      .executeTakeFirstOrThrow();
    // A failed email as the worker leaves one, so the page shows its error and Resend.
    const message = await db
      .insertInto('outboundMessages')
      .values({
        orgId: org.id,
        channel: 'email',
        template: 'booking.confirmed',
        recipient: email,
        subject: 'Axe check',
        bodyText: 'Hello',
        bodyHtml: '<p>Hello</p>',
        status: 'failed',
        error: 'connect ECONNREFUSED',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return message.id;
  });
  await signIn(page, 'owner@demo.test');
  await expect(page.getByRole('banner')).toContainText('Owner');
  await page.goto('/settings');
  await page.getByLabel('Hold time (minutes)').fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Check the fields marked below.')).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);

  await page.goto('/settings/team');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('list', { name: 'Pending invitations' })).toContainText(email);
  expect(await blockingViolations(page)).toEqual([]);

  await page.goto(`/settings/outbox?recipient=${email}`);
  await expect(page.getByRole('link', { name: 'Axe check' })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await page.goto(`/settings/outbox/${messageId}`);
  await expect(page.getByRole('button', { name: `Resend this message to ${email}` })).toBeVisible();
  // The email's HTML runs no scripts (sandbox), so axe cannot run inside its frame.
  expect(await blockingViolations(page, { exclude: 'iframe' })).toEqual([]);

  const acceptUrl = await withSuiteDatabase(async (db) => {
    const invitation = await db
      .selectFrom('staffInvitations')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const event = await db
      .selectFrom('outbox')
      .select('payload')
      .where('eventType', '=', 'staff.invited')
      .where('aggregateId', '=', invitation.id)
      .executeTakeFirstOrThrow();
    return (event.payload as { acceptUrl: string }).acceptUrl;
  });
  // Nobody signed in; a context of its own, as axe opens a page beside it.
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(acceptUrl);
  await visitor.getByRole('button', { name: 'Create account and join' }).click();
  await expect(visitor.getByText('Check the fields marked below.')).toBeVisible();
  expect(await blockingViolations(visitor)).toEqual([]);
  await context.close();
});

test('the new sale, quote builder, quote and quotes pages have no serious or critical accessibility violations', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const concert = await demoConcert({ priceAmount: 2000 });
  const date = `offering=${concert.offering.id}&occurrence=${concert.occurrence.id}`;
  await signIn(page, 'agent@demo.test');
  await expect(page.getByRole('banner')).toContainText('Agent');
  await page.goto('/sales/new');
  await expect(page.getByRole('list', { name: 'Offerings on sale' })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await page.goto(`/sales/new?${date}`);
  await expect(page.getByRole('button', { name: 'Book for the customer' })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);

  await page.goto(`/quotes/new?${date}`);
  await page.getByLabel(/^Standing/).fill('4');
  await page.getByLabel('Line 1: description').fill('Backstage visit');
  await page.getByLabel('Line 1: amount').fill('15');
  await page.getByLabel('Markup or discount').selectOption('discount_percent');
  await page.getByLabel('Percent or amount').fill('10');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Axe Group');
  await page.getByLabel('Email').fill(`axe-${crypto.randomUUID().slice(0, 8)}@example.test`);
  expect(await blockingViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Save the quote' }).click();
  // 4 x €20 + €15 = €95, less 10 %: €85.50.
  await expect(page.getByTestId('quote-total')).toHaveText('€85.50');
  expect(await blockingViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Send the quote' }).click();
  await expect(page.getByText(/^Sent\. The customer's link: /)).toBeVisible();
  await page.goto('/quotes');
  await expect(page.getByRole('table', { name: 'Quotes, newest first' })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
});

test('the seat maps list and editor have no serious or critical accessibility violations', async ({
  page,
}) => {
  await signIn(page, 'manager@demo.test');
  await expect(page.getByRole('banner')).toContainText('Manager');
  await page.goto('/seat-maps');
  await expect(page.getByRole('button', { name: 'Create seat map' })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  // The demo concert hall's map: three sections, blocked and wheelchair places.
  await page.getByRole('list', { name: 'Seat maps' }).getByRole('link').first().click();
  await expect(page.getByRole('group', { name: 'Seat map' })).toBeVisible();
  await page
    .getByRole('group', { name: 'Seat map' })
    .getByRole('button', { name: /available$/ })
    .first()
    .click();
  await expect(page.getByText(/^1 seat chosen/)).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
});

test('moving a booking to other seats has no serious or critical accessibility violations', async ({
  page,
}) => {
  const show = await seatedShow();
  const [seat] = show.stalls;
  if (!seat) throw new Error('the show has no stalls');
  const reference = await bookSeat(page.request, show, seat.id);
  await signIn(page, 'manager@demo.test');
  await expect(page.getByRole('banner')).toContainText('Manager');
  await page.goto(`/bookings/${reference}/move`);
  await expect(page.getByRole('button', { name: 'Move booking' })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
});

test('the tax rates page has no serious or critical accessibility violations', async ({ page }) => {
  await signIn(page, 'owner@demo.test');
  await expect(page.getByRole('banner')).toContainText('Owner');
  await page.goto('/settings/tax-rates');
  await expect(page.getByRole('button', { name: 'Add tax rate' })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
});

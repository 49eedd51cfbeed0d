import { expect, test } from '@playwright/test';
import { signIn } from './staff';

const parisTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

test('a manager creates a trip with daily 08:00 departures for 30 days, and the site lists them', async ({
  page,
}) => {
  const token = crypto.randomUUID().slice(0, 8);
  await signIn(page, 'manager@demo.test');
  await expect(page.getByRole('banner')).toContainText('Manager');
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Catalog' })
    .click();
  await page.getByRole('link', { name: 'New offering' }).click();

  await page.getByLabel('Kind').selectOption('trip');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(`Coach ${token}`);
  const slug = page.getByLabel('Address (slug)');
  await slug.fill('Not A Slug');
  await page.getByLabel('Stop 1 name').fill('Paris Bercy');
  await page.getByLabel('Stop 1 city').fill('Paris');
  await page.getByLabel('Stop 2 name').fill('Lyon Perrache');
  await page.getByLabel('Stop 2 city').fill('Lyon');
  await page.getByLabel('Stop 2 time zone').fill('Europe/Lyon');
  await page.getByLabel('Stop 2 minutes after departure').fill('290');
  await page.getByRole('button', { name: 'Create offering' }).click();
  // Each refusal under its own field, from the API's field paths.
  await expect(page.getByText('Use lower-case letters, digits and single hyphens')).toBeVisible();
  await expect(slug).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Stop 2 time zone')).toHaveAttribute('aria-invalid', 'true');

  await slug.fill(`coach-${token}`);
  await page.getByLabel('Stop 2 time zone').fill('Europe/Paris');
  await page.getByRole('button', { name: 'Create offering' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Coach ${token}` })).toBeVisible();
  const offeringId = page.url().split('/catalog/')[1] ?? '';

  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Adult');
  await page.getByLabel(/Price in minor units/).fill('2900');
  await page.getByLabel('Places per date').fill('40');
  await page.getByRole('button', { name: 'Add ticket type' }).click();
  await expect(page.getByRole('list', { name: 'Ticket types' })).toContainText('Adult');

  await page.getByLabel('Code', { exact: true }).fill(`early-${token}`);
  await page.getByLabel('Discount', { exact: true }).fill('150');
  await page.getByRole('button', { name: 'Add promo code' }).click();
  await expect(page.getByText('At most 10000 basis points (100%)')).toBeVisible();
  await page.getByLabel('Discount', { exact: true }).fill('15');
  await page.getByRole('button', { name: 'Add promo code' }).click();
  await expect(page.getByRole('list', { name: 'Price rules and offers' })).toContainText(
    `Code EARLY-${token.toUpperCase()}: 15% off`,
  );

  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const series = page.getByRole('form', { name: 'Add dates in series' });
  await series.getByLabel('First date').fill(tomorrow);
  await series.getByLabel('Number of days').fill('30');
  await series.getByLabel('Start time (Europe/Paris)').fill('08:00');
  await series.getByLabel('Duration (minutes)').fill('290');
  await page.getByRole('button', { name: 'Preview dates' }).click();
  await expect(page.getByText('30 dates would be created.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Series dates' }).getByRole('listitem')).toHaveCount(
    30,
  );
  await page.getByRole('button', { name: 'Create dates' }).click();
  await expect(page.getByText('30 dates created.')).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Dates', exact: true }).getByRole('listitem'),
  ).toHaveCount(30);

  await page.getByRole('combobox', { name: 'Status' }).selectOption('published');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  // The dates as the customer site reads them: the public API's departures of the trip.
  const input = encodeURIComponent(JSON.stringify({ json: { offeringId } }));
  const response = await page.request.get(`/api/trpc/catalog.occurrences?input=${input}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    result: { data: { json: { timeZone: string; items: { startsAt: string }[] } } };
  };
  const { timeZone, items } = body.result.data.json;
  expect(timeZone).toBe('Europe/Paris');
  expect(items).toHaveLength(30);
  expect(new Set(items.map((item) => parisTime.format(new Date(item.startsAt))))).toEqual(
    new Set(['08:00']),
  );
});

test('an auditor reads an offering without any edit control', async ({ page }) => {
  await signIn(page, 'auditor@demo.test');
  await expect(page.getByRole('banner')).toContainText('Auditor');
  await page.goto('/catalog');
  await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New offering' })).toHaveCount(0);
  await page.getByRole('list', { name: 'Offerings' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Ticket types' })).toBeVisible();
  await expect(page.getByRole('button')).toHaveCount(
    await page.getByRole('banner').getByRole('button').count(),
  );
});

test('an owner adds a resource, sets its hours with a closed date, and sees the opening it gives', async ({
  page,
}) => {
  const name = `Court ${crypto.randomUUID().slice(0, 6)}`;
  await signIn(page, 'owner@demo.test');
  await expect(page.getByRole('banner')).toContainText('Owner');
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Resources' })
    .click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByLabel('Kind').selectOption('court');
  await page.getByLabel('Time zone').fill('Europe/Paris');
  await page.getByRole('button', { name: 'Add resource' }).click();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  for (const day of days) {
    await page.getByLabel(`${day} opens`).fill('09:00');
    await page.getByLabel(`${day} closes`).fill('12:30');
  }
  await page.getByLabel(/Dates that differ/).fill(`${today} closed`);
  await page.getByRole('button', { name: 'Save hours' }).click();
  await expect(page.getByText('Hours saved.')).toBeVisible();
  const opening = page.getByRole('list', { name: 'Opening by day' }).getByRole('listitem');
  await expect(opening.first()).toHaveText(`${today}: closed`);
  await expect(opening.nth(1)).toContainText('09:00–12:30');
  await expect(opening).toHaveCount(14);
});

import { expect, test, type Page } from '@playwright/test';
import { withSuiteDatabase } from './database';
import { mutate } from './desk';
import { signIn } from './staff';

async function addSection(
  page: Page,
  section: { name: string; rows: string; seats: string; category: string; arc?: string },
) {
  await page.getByLabel('Section name').fill(section.name);
  await page.getByRole('spinbutton', { name: 'Rows', exact: true }).fill(section.rows);
  await page.getByLabel('Seats per row').fill(section.seats);
  await page.getByRole('textbox', { name: 'Category', exact: true }).first().fill(section.category);
  if (section.arc) {
    await page.getByLabel('Row shape').selectOption('curved');
    await page.getByLabel(/Arc at the front row/).fill(section.arc);
  }
  await page.getByRole('button', { name: 'Add section' }).click();
}

test('a manager builds a seat map, sells a seat on it, and cannot remove the section holding it', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const token = crypto.randomUUID().slice(0, 8);
  const hall = `Hall ${token}`;
  await signIn(page, 'manager@demo.test');
  await expect(page.getByRole('banner')).toContainText('Manager');
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Seat maps' })
    .click();
  await page.getByLabel('Name').fill(hall);
  await page.getByRole('button', { name: 'Create seat map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: hall })).toBeVisible();
  const seatMapId = page.url().split('/seat-maps/')[1] ?? '';

  // A refusal under its field first, then two sections: straight and curved.
  await addSection(page, { name: 'Stalls', rows: '0', seats: '6', category: 'standard' });
  await expect(page.getByText('At least 1 row')).toBeVisible();
  await addSection(page, { name: 'Stalls', rows: '3', seats: '6', category: 'standard' });
  await expect(page.getByText('Section added: 18 seats.')).toBeVisible();
  await addSection(page, { name: 'Circle', rows: '2', seats: '8', category: 'premium', arc: '90' });
  await expect(page.getByText('Section added: 16 seats.')).toBeVisible();
  const sections = page.getByRole('table');
  await expect(sections.getByRole('row', { name: /Stalls/ })).toContainText('standard');
  await expect(sections.getByRole('row', { name: /Circle/ })).toContainText('premium');

  // Choose a seat by click and block it; another by keyboard and make it accessible.
  const map = page.getByRole('group', { name: 'Seat map' });
  const seat = (label: string) => map.getByRole('button', { name: new RegExp(`^${label},`) });
  await seat('Stalls, Row A, seat 1').click();
  await expect(page.getByText('1 seat chosen: Stalls A1')).toBeVisible();
  await page.getByRole('button', { name: 'Block', exact: true }).click();
  await expect(page.getByText('1 seat updated.')).toBeVisible();
  await expect(seat('Stalls, Row A, seat 1')).toHaveAccessibleName(/not for sale, selected$/);
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(seat('Stalls, Row A, seat 1')).toHaveAccessibleName(/not for sale$/);
  await seat('Stalls, Row A, seat 1').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByText('1 seat chosen: Stalls A2')).toBeVisible();
  await page.getByRole('button', { name: 'Mark accessible' }).click();
  await expect(seat('Stalls, Row A, seat 2')).toHaveAccessibleName(/wheelchair place/);

  // An event whose one date uses the map, a free price per category.
  await page.goto('/catalog/new');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(`Concert ${token}`);
  await page.getByLabel('Address (slug)').fill(`concert-${token}`);
  await page.getByRole('button', { name: 'Create offering' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Concert ${token}` })).toBeVisible();
  for (const category of ['standard', 'premium']) {
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(category);
    await page.getByLabel(/Price in minor units/).fill('0');
    await page.getByLabel('Seat category').fill(category);
    await page.getByRole('button', { name: 'Add ticket type' }).click();
    await expect(page.getByRole('list', { name: 'Ticket types' })).toContainText(
      `${category} seats`,
    );
  }
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const series = page.getByRole('form', { name: 'Add dates in series' });
  await series.getByLabel('First date').fill(tomorrow);
  await series.getByLabel('Number of days').fill('1');
  await series.getByLabel('Seat map').selectOption({ label: `${hall} (34 seats)` });
  await page.getByRole('button', { name: 'Create dates' }).click();
  await expect(page.getByText('1 dates created.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Status' }).selectOption('published');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  // A customer buys seat B3 through the public API.
  const { occurrenceId, seatId, blocked } = await withSuiteDatabase(async (db) => {
    const occurrence = await db
      .selectFrom('occurrences')
      .select('id')
      .where('seatMapId', '=', seatMapId)
      .executeTakeFirstOrThrow();
    const b3 = await db
      .selectFrom('seats')
      .select('id')
      .where('seatMapId', '=', seatMapId)
      .where('section', '=', 'Stalls')
      .where('rowLabel', '=', 'B')
      .where('number', '=', '3')
      .executeTakeFirstOrThrow();
    const statuses = await db
      .selectFrom('occurrenceSeats')
      .select('status')
      .where('occurrenceId', '=', occurrence.id)
      .where('status', '=', 'blocked')
      .execute();
    return { occurrenceId: occurrence.id, seatId: b3.id, blocked: statuses.length };
  });
  expect(blocked).toBe(1);
  const hold = await mutate(request, 'holds.create', { occurrenceId, seatIds: [seatId] });
  const booked = await mutate(request, 'bookings.checkout', {
    holdId: hold.holdId,
    idempotencyKey: `e2e-${crypto.randomUUID()}`,
    contact: { name: 'Nadia Seat', email: `seat-${token}@example.test` },
    attendees: [{ name: 'Nadia Seat' }],
  });
  expect(booked.status).toBe('confirmed');

  // The console shows it sold, and the section holding it stays.
  await page.goto(`/seat-maps/${seatMapId}`);
  await expect(seat('Stalls, Row B, seat 3')).toHaveAccessibleName(/taken/);
  await expect(sections.getByRole('row', { name: /Stalls/ })).toContainText('1 · 0');
  await page.getByRole('button', { name: 'Remove section Stalls' }).click();
  await expect(
    page.getByText('The section "Stalls" cannot be removed: 1 seat is sold and 0 seats are held'),
  ).toBeVisible();
  await page.reload();
  await expect(seat('Stalls, Row B, seat 3')).toHaveAccessibleName(/taken/);
  await expect(sections.getByRole('row', { name: /Stalls/ })).toBeVisible();
});

test('an auditor sees seat maps without any edit control', async ({ page }) => {
  await signIn(page, 'auditor@demo.test');
  await expect(page.getByRole('banner')).toContainText('Auditor');
  await page.goto('/seat-maps');
  await expect(page.getByRole('button', { name: 'Create seat map' })).toHaveCount(0);
  await page.getByRole('list', { name: 'Seat maps' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Sections' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Remove section/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add section' })).toHaveCount(0);
  const seats = page.getByRole('group', { name: 'Seat map' }).getByRole('button');
  await expect(seats.first()).toHaveAttribute('aria-disabled', 'true');
});

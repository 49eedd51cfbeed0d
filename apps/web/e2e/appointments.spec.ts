import { atLocalTime, localDateAt } from '@tessera/db/seed';
import { tennisCourts } from './support/data';
import { expect, test, uniqueEmail } from './support/fixtures';

const SIMULATOR = 'http://127.0.0.1:12199';

// The visitor's browser is six hours behind the venue (Paris) in winter, five or six in summer.
test.use({ timezoneId: 'America/New_York' });

test('a visitor in another time zone books a court by keyboard, sees both zones, and gets the venue’s time', async ({
  page,
  db,
}, testInfo) => {
  const { offering } = await tennisCourts(db);
  await page.goto(`/o/${offering.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: offering.name })).toBeVisible();
  await expect(page.getByTestId('time-zones')).toHaveText(
    'Times are in Europe/Paris. Your own time (America/New_York) is shown beside each.',
  );

  // Next month: every day has free times, whatever today's notice leaves.
  await page.getByRole('button', { name: 'Next month' }).click();
  const grid = page.getByRole('grid');
  const firstDay = grid.getByRole('button', { name: /, 3 free times$/ }).first();
  await expect(firstDay).toBeVisible();
  // Keyboard: the day in the tab order, arrows move, Enter chooses.
  await firstDay.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(firstDay).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(firstDay).toHaveAttribute('aria-pressed', 'true');
  const date = (await firstDay.getAttribute('data-date')) ?? '';

  const [year, month, day] = date.split('-').map(Number);
  const start = atLocalTime(
    localDateAt(new Date(), 'Europe/Paris').with({ year, month, day }),
    '10:00',
    'Europe/Paris',
  );
  const newYork = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'America/New_York',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const yours = `${newYork.format(start)}–${newYork.format(new Date(start.getTime() + 3_600_000))}`;
  const slot = page.getByRole('list', { name: 'Free times' }).getByRole('button', {
    // The parts are separate boxes on screen; the spoken name reads them as one phrase.
    name: new RegExp(
      `^Book 10:00–11:00 Europe/Paris\\s*, ${yours} your time \\(America/New_York\\)$`,
    ),
  });
  await expect(slot).toContainText(`${yours} your time`);
  await slot.focus();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}/);
  await expect(page.getByRole('timer')).toHaveText(/held for \d+:\d\d/);
  await page.getByLabel('Name').fill('Nour Visitor');
  await page.getByLabel('Email').fill(uniqueEmail(testInfo, 'court'));
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(new RegExp(`^${SIMULATOR}/`));
  await page.getByRole('button', { name: 'Pay', exact: true }).click();

  await expect(page).toHaveURL(/\/bookings\/[A-Z0-9]+\?payment=success/);
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toContainText('Confirmed');
  // Shown in the venue's zone, named; stored as the instant 10:00 in Paris that day.
  await expect(page.locator('time').first()).toHaveText(/, 10:00 \(Europe\/Paris\)$/);
  const reference = /\/bookings\/([A-Z0-9]+)/.exec(page.url())?.[1] ?? '';
  const item = await db
    .selectFrom('bookingItems')
    .innerJoin('bookings', 'bookings.id', 'bookingItems.bookingId')
    .select('bookingItems.startsAt')
    .where('bookings.reference', '=', reference)
    .executeTakeFirstOrThrow();
  expect(item.startsAt).toEqual(start);
});

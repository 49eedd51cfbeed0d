import { expect, test, type Browser } from '@playwright/test';
import { createDb } from '@tessera/db';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createSeatMap,
  createTicketType,
  createVenue,
} from '@tessera/db/seed';
import { databaseUrl } from '@tessera/playwright-config';

/** A concert of its own (one row of 12 seats), so no other test takes these seats. */
async function concertOfItsOwn(databaseName: string) {
  const db = createDb(databaseUrl(databaseName), { max: 1 });
  try {
    const org = await createOrg(db, { name: 'Live Seats Hall' });
    const venue = await createVenue(db, { org, timeZone: 'Europe/Paris' });
    const offering = await createOffering(db, { org, venue, name: 'Live Seats Recital' });
    await createTicketType(db, { offering, name: 'Seat', seatCategory: 'standard' });
    const { seatMap } = await createSeatMap(db, {
      org,
      venue,
      sections: [{ name: 'Hall', rows: 1, seatsPerRow: 12, category: 'standard' }],
    });
    const occurrence = await createOccurrence(db, { offering, seatMap });
    return `/o/${offering.slug}/${occurrence.id}`;
  } finally {
    await db.destroy();
  }
}

/** A visitor of their own: own cookies, and own address for the API's per-client hold limits. */
async function visitor(browser: Browser, address: string, path: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address } });
  const page = await context.newPage();
  await page.goto(path);
  // Joined the date's room: from here on, changes arrive by push.
  await expect(page.getByTestId('live-availability')).toHaveAttribute('data-live', 'true');
  return { context, page };
}

test('a seat another visitor takes turns unavailable on an open page, without a reload', async ({
  browser,
}, testInfo) => {
  const databaseName: unknown = testInfo.config.metadata.databaseName;
  if (typeof databaseName !== 'string') throw new Error('the suite names its database');
  const path = await concertOfItsOwn(databaseName);
  const first = await visitor(browser, `10.99.${testInfo.retry}.1`, path);
  const second = await visitor(browser, `10.99.${testInfo.retry}.2`, path);

  const seatOnSecond = second.page
    .getByRole('group', { name: 'Hall seats' })
    .getByRole('button', { name: /^Hall, Row A, seat 5,/ });
  await expect(seatOnSecond).toHaveAccessibleName(/, available$/);

  await first.page
    .getByRole('group', { name: 'Hall seats' })
    .getByRole('button', { name: /^Hall, Row A, seat 5,/ })
    .click();
  await first.page.getByRole('button', { name: 'Continue' }).click();
  await expect(first.page).toHaveURL(/\/checkout\//);

  // Pushed: no reload, no polling on this page (its query is fresh for 5 s).
  await expect(seatOnSecond).toHaveAccessibleName(/, being booked by someone else$/, {
    timeout: 2_000,
  });
  await expect(seatOnSecond).toBeDisabled();
  await Promise.all([first.context.close(), second.context.close()]);
});

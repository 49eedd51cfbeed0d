import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { verifyTicket } from '@tessera/api/domain/tickets/signature';
import { readPdfQrCodes } from '@tessera/api/domain/tickets/testing/read-pdf-qr';
import { createDb, type Db } from '@tessera/db';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createTicketType,
  createVenue,
} from '@tessera/db/seed';
import { testEnv } from '@tessera/db/testing';
import { databaseUrl } from '@tessera/playwright-config';

let db: Db;

test.beforeAll(() => {
  db = createDb(databaseUrl(String(test.info().config.metadata.databaseName)), { max: 1 });
});
test.afterAll(() => db.destroy());

/** A free concert of this test's own, in Paris, in ten days at 20:30 local time. */
async function freeConcert() {
  const id = crypto.randomUUID().slice(0, 8);
  const org = await createOrg(db, { name: `Salle ${id}`, slug: `salle-${id}` });
  const venue = await createVenue(db, {
    org,
    name: `Salle ${id}`,
    city: 'Paris',
    timeZone: 'Europe/Paris',
  });
  const offering = await createOffering(db, { org, venue, slug: `free-${id}`, name: `Free ${id}` });
  const ticketType = await createTicketType(db, {
    offering,
    name: 'Free entry',
    priceAmount: 0,
    quotaPerOccurrence: 10,
  });
  const startsAt = new Date(Date.now() + 10 * 86_400_000);
  const occurrence = await createOccurrence(db, { offering, startsAt, capacity: 10 });
  return { offering, ticketType, occurrence };
}

/** A tRPC mutation over HTTP, as the site's client sends it. */
async function mutate(request: APIRequestContext, path: string, input: unknown) {
  const response = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(response.ok(), await response.text()).toBe(true);
  const body = (await response.json()) as { result: { data: { json: Record<string, unknown> } } };
  return body.result.data.json;
}

test('a confirmed booking offers its tickets as a PDF whose QR codes verify, and an .ics of its date', async ({
  page,
}) => {
  const { ticketType, occurrence } = await freeConcert();
  const email = `tickets-${crypto.randomUUID().slice(0, 8)}@example.test`;
  // A free booking is confirmed at checkout: two tickets, booked through the API.
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `10.77.${Date.now() % 250}.9` });
  const hold = await mutate(page.request, 'holds.create', {
    occurrenceId: occurrence.id,
    tickets: [{ ticketTypeId: ticketType.id, quantity: 2 }],
  });
  const booked = await mutate(page.request, 'bookings.checkout', {
    holdId: hold.holdId,
    idempotencyKey: `e2e-${crypto.randomUUID()}`,
    contact: { name: 'Rania E2E', email },
  });
  expect(booked.status).toBe('confirmed');
  const reference = String(booked.reference);

  await page.goto(`/bookings/${reference}`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Show my booking' }).click();
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: /^QR code of ticket [A-Z0-9]{12}$/ })).toHaveCount(2);

  const pdfLink = page.getByRole('link', { name: 'Download tickets (PDF)' });
  const pdfDownload = page.waitForEvent('download');
  await pdfLink.click();
  const pdf = await readFile(await (await pdfDownload).path());
  expect((await pdfDownload).suggestedFilename()).toBe(`tickets-${reference}.pdf`);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const payloads = readPdfQrCodes(pdf);
  expect(payloads).toHaveLength(2);
  for (const payload of payloads)
    expect(verifyTicket(payload, testEnv.E2E_TICKET_SIGNING_SECRET)).toMatchObject({
      valid: true,
      occurrenceId: occurrence.id,
    });
  const pdfResponse = await page.request.get((await pdfLink.getAttribute('href')) ?? '');
  expect(pdfResponse.headers()['content-type']).toBe('application/pdf');

  const icsLink = page.getByRole('link', { name: 'Add to calendar (.ics)' });
  const icsDownload = page.waitForEvent('download');
  await icsLink.click();
  const ics = (await readFile(await (await icsDownload).path()))
    .toString('utf8')
    .replace(/\r\n[ \t]/g, '');
  expect(ics).toMatch(/^BEGIN:VCALENDAR/);
  const utc = `${occurrence.startsAt.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
  expect(ics).toContain(`DTSTART:${utc}`);
  const icsResponse = await page.request.get((await icsLink.getAttribute('href')) ?? '');
  expect(icsResponse.headers()['content-type']).toMatch(/^text\/calendar/);

  // The same rule as the page: another email gets nothing.
  const stranger = await page.request.get(
    `/bookings/${reference}/tickets.pdf?email=someone-else@example.test`,
  );
  expect(stranger.status()).toBe(404);
  expect(await stranger.text()).toBe('No booking matches this reference and email.');
});

import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { bookTickets, demoConcert } from './desk';
import { signIn } from './staff';

test.beforeEach(async ({ page }) => {
  // Holds are rate-limited per client address: each test is its own client.
  await page.setExtraHTTPHeaders({
    'x-forwarded-for': `10.88.${Math.floor(Math.random() * 250)}.7`,
  });
});

test('check-in staff type a ticket code: valid, then again: already checked in, by whom', async ({
  page,
}) => {
  const concert = await demoConcert();
  const { codes, reference } = await bookTickets(page.request, concert, [
    'Amel Door',
    'Karim Door',
  ]);
  await signIn(page, 'checkin@demo.test');
  await expect(page.getByRole('banner')).toContainText('Check-in');
  await page.goto(`/check-in/${concert.occurrence.id}`);
  await expect(page.getByText('0 / 2 checked in')).toBeVisible();

  const code = page.getByLabel('Ticket code');
  await code.fill(codes[0] ?? '');
  await page.getByRole('button', { name: 'Check in' }).click();
  const result = page.getByTestId('scan-result');
  await expect(result).toContainText('Valid');
  await expect(result).toContainText(`Amel Door · Standing`);
  await expect(result).toContainText(`Booking ${reference}`);
  await expect(page.getByText('1 / 2 checked in')).toBeVisible();

  await code.fill((codes[0] ?? '').toLowerCase());
  await page.getByRole('button', { name: 'Check in' }).click();
  await expect(result).toContainText('Already checked in');
  await expect(result).toContainText('by checkin@demo.test');
  await expect(page.getByText('1 / 2 checked in')).toBeVisible();

  await code.fill('NOSUCHCODE');
  await page.getByRole('button', { name: 'Check in' }).click();
  await expect(result).toContainText('Unknown ticket');

  // The camera's QR decoder comes from the console itself, not a CDN.
  const decoder = await page.request.get('/scanner/zxing_reader.wasm');
  expect(decoder.headers()['content-type']).toBe('application/wasm');
  expect((await decoder.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
});

test('the manifest lists who is expected, and its CSV download holds the rows shown', async ({
  page,
}) => {
  const concert = await demoConcert();
  const first = await bookTickets(page.request, concert, ['Zoé Manifest', 'Ali Manifest']);
  const second = await bookTickets(page.request, concert, ['Maya, "the" guest']);
  await signIn(page, 'owner@demo.test');
  await expect(page.getByRole('banner')).toContainText('Owner');
  await page.goto(`/check-in/${concert.occurrence.id}`);
  await page.getByLabel('Ticket code').fill(second.codes[0] ?? '');
  await page.getByRole('button', { name: 'Check in' }).click();
  await expect(page.getByTestId('scan-result')).toContainText('Valid');
  await page.getByRole('link', { name: 'Manifest' }).click();

  const table = page.getByRole('table', { name: 'Attendees, by name' });
  await expect(table.getByRole('row')).toHaveCount(4);
  const shown = await table
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.slice(1).map((row) => Array.from(row.children, (cell) => cell.textContent ?? '')),
    );
  expect(shown.map((row) => [row[0], row[1], row[2]])).toEqual([
    ['Ali Manifest', 'Standing', first.reference],
    ['Maya, "the" guest', 'Standing', second.reference],
    ['Zoé Manifest', 'Standing', first.reference],
  ]);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const file = await (await download).path();
  const lines = (await readFile(file, 'utf8')).trimEnd().split('\r\n');
  expect(lines[0]).toBe('Name,Seat or ticket,Booking,Ticket code,Checked in at (Europe/Paris)');
  expect(lines.slice(1).map((line) => line.split(',').slice(0, 1)[0])).toEqual([
    'Ali Manifest',
    '"Maya',
    'Zoé Manifest',
  ]);
  expect(lines[1]).toBe(`Ali Manifest,Standing,${first.reference},${first.codes[1]},`);
  expect(lines[2]).toMatch(
    new RegExp(
      `^"Maya, ""the"" guest",Standing,${second.reference},${second.codes[0]},\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`,
    ),
  );
  expect(lines[3]).toBe(`Zoé Manifest,Standing,${first.reference},${first.codes[0]},`);
  expect(shown[1]?.[3]).not.toBe('Not yet');

  // Behind staff sign-in: a visitor without a session gets no CSV.
  const anonymous = await page.context().browser()?.newContext();
  const refused = await anonymous?.request.get(
    new URL(`/check-in/${concert.occurrence.id}/manifest.csv`, page.url()).toString(),
  );
  expect(refused?.status()).toBe(401);
  await anonymous?.close();
});

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { expectNoBlockingViolations } from './support/axe';
import { concert } from './support/data';
import { expect, test } from './support/fixtures';

test('the OpenAPI document is served, and plain HTTP with an API key books a free ticket', async ({
  request,
  db,
}) => {
  const document = await request.get('/api/openapi.json');
  expect(document.status()).toBe(200);
  const { openapi, paths } = (await document.json()) as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
  };
  expect(openapi).toBe('3.1.0');
  expect(Object.keys(paths['/api/v1/holds'] ?? {})).toEqual(['post']);

  const { org, ticketType, occurrence } = await concert(db, { quota: 3, priceAmount: 0 });
  const key = `tk_live_${randomBytes(24).toString('base64url')}`;
  await db
    .insertInto('apiKeys')
    .values({
      orgId: org.id,
      name: 'e2e',
      prefix: key.slice(0, 16),
      keyHash: createHash('sha256').update(key).digest('hex'),
      scopes: ['catalog:read', 'bookings:write'],
    })
    .execute();
  const headers = { authorization: `Bearer ${key}` };

  const offerings = await request.get(`/api/v1/catalog/offerings?orgSlug=${org.slug}`, { headers });
  expect(offerings.status()).toBe(200);
  const hold = await request.post('/api/v1/holds', {
    headers,
    data: { occurrenceId: occurrence.id, tickets: [{ ticketTypeId: ticketType.id, quantity: 1 }] },
  });
  expect(hold.status()).toBe(200);
  const { holdId } = (await hold.json()) as { holdId: string };
  const booking = await request.post('/api/v1/bookings', {
    headers,
    data: {
      holdId,
      idempotencyKey: randomUUID(),
      contact: { name: 'Plain HTTP', email: 'plain-http@example.test' },
    },
  });
  expect(booking.status()).toBe(200);
  expect(await booking.json()).toMatchObject({ status: 'confirmed' });

  const refused = await request.post('/api/v1/holds', { headers, data: { occurrenceId: 'x' } });
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toMatchObject({ error: { appCode: 'VALIDATION' } });
});

test('the developers page lists every endpoint from the document', async ({ page }) => {
  await page.goto('/developers');
  await expect(page.getByRole('heading', { level: 1, name: 'Tessera API' })).toBeVisible();
  const endpoints = page.getByRole('navigation', { name: 'Endpoints' });
  await endpoints.getByRole('link', { name: 'POST /api/v1/holds' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'POST /api/v1/holds' })).toBeVisible();
  await expect(page.getByRole('link', { name: '/api/openapi.json' })).toBeVisible();
  await expectNoBlockingViolations(page);
});

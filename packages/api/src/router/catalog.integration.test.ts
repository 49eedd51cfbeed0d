import {
  createOccurrence,
  createOffering,
  createOrg,
  createTicketType,
  createVenue,
} from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';

let t: ApiTest;
let orgSlug: string;

beforeAll(async () => {
  t = await setupApiTest();
  const org = await createOrg(t.db, { name: 'Catalog Org' });
  orgSlug = org.slug;
  const venue = await createVenue(t.db, {
    org,
    name: 'Opera',
    city: 'Oran',
    timeZone: 'Africa/Algiers',
  });
  for (const [index, name] of ['Aida', 'Carmen', 'Tosca', 'Nabucco', 'Otello'].entries()) {
    const offering = await createOffering(t.db, {
      org,
      venue,
      name,
      description: `${name} in Oran`,
    });
    await createTicketType(t.db, { offering, priceAmount: 3000 + index * 100 });
    await createTicketType(t.db, { offering, priceAmount: 9000 });
    await createOccurrence(t.db, {
      offering,
      startsAt: new Date(Date.now() + (index + 1) * 86_400_000),
    });
    await createOccurrence(t.db, { offering, startsAt: new Date(Date.now() - 86_400_000) });
  }
  await createOffering(t.db, { org, venue, name: 'Draft show', status: 'draft' });
});
afterAll(() => t.close());

describe('catalog.offerings', () => {
  it('lists published offerings with their next future date, zone and lowest price', async () => {
    const { items, nextCursor } = await (await t.caller()).catalog.offerings({ orgSlug });
    expect(items.map((item) => item.name)).toEqual([
      'Aida',
      'Carmen',
      'Tosca',
      'Nabucco',
      'Otello',
    ]);
    expect(nextCursor).toBeNull();
    const carmen = items[1];
    expect(carmen).toMatchObject({
      venue: { name: 'Opera', city: 'Oran' },
      timeZone: 'Africa/Algiers',
      fromPrice: { amount: 3100, currency: 'EUR' },
      org: { slug: orgSlug, name: 'Catalog Org' },
    });
    expect(carmen?.nextOccurrence?.startsAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('pages with a cursor without repeating or skipping', async () => {
    const api = await t.caller();
    const first = await api.catalog.offerings({ orgSlug, limit: 2 });
    const second = await api.catalog.offerings({
      orgSlug,
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    const third = await api.catalog.offerings({
      orgSlug,
      limit: 2,
      cursor: second.nextCursor ?? undefined,
    });
    expect([...first.items, ...second.items, ...third.items].map((item) => item.name)).toEqual([
      'Aida',
      'Carmen',
      'Tosca',
      'Nabucco',
      'Otello',
    ]);
    expect(third.nextCursor).toBeNull();
  });

  it('filters by text, and says so plainly when a cursor is garbage', async () => {
    const api = await t.caller();
    expect(
      (await api.catalog.offerings({ orgSlug, q: 'tOsC' })).items.map((item) => item.name),
    ).toEqual(['Tosca']);
    expect((await api.catalog.offerings({ orgSlug, q: '%' })).items).toEqual([]);
    await expect(api.catalog.offerings({ cursor: 'garbage' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'This page link is no longer valid. Start again from the first page.',
    });
  });
});

import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../context';
import { generalAdmission } from '../testing/engine-fixtures';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { handleRestRequest } from './rest';

let t: ApiTest;
let server: Server;
let baseUrl: string;

/** A plain Node HTTP server in front of the REST handler, as the site's route handler is. */
beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = new Headers(
        Object.entries(req.headers).flatMap(([k, v]): [string, string][] =>
          typeof v === 'string' ? [[k, v]] : [],
        ),
      );
      const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'DELETE' ? undefined : Buffer.concat(chunks),
      });
      void handleRestRequest(request, {
        context: () =>
          createContext({
            db: t.db,
            redis: t.redis,
            headers,
            userId: null,
            engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0, apiKeyCallsPerMinute: 0 },
          }),
      }).then(async (response) => {
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, name) => (responseHeaders[name] = value));
        res.writeHead(response.status, responseHeaders);
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('server has no address');
  baseUrl = `http://127.0.0.1:${address.port}/api/v1`;
});
afterAll(async () => {
  server.close();
  await t.close();
});

const post = (path: string, body: unknown) =>
  fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the REST API (/api/v1) with plain fetch', () => {
  it('books a general-admission ticket: offerings, availability, hold, booking', async () => {
    const ga = await generalAdmission(t.db, { quota: 5, priceAmount: 0 });
    const offerings = await fetch(`${baseUrl}/catalog/offerings?orgSlug=${ga.org.slug}&limit=5`);
    expect(offerings.status).toBe(200);
    const page = (await offerings.json()) as { items: { id: string }[] };
    expect(page.items.map((item) => item.id)).toEqual([ga.offering.id]);

    const availability = await fetch(
      `${baseUrl}/availability/occurrence?occurrenceId=${ga.occurrence.id}`,
    );
    expect(((await availability.json()) as { remaining: number }).remaining).toBe(5);

    const holdResponse = await post('/holds', {
      occurrenceId: ga.occurrence.id,
      tickets: [{ ticketTypeId: ga.ticketType.id, quantity: 2 }],
    });
    expect(holdResponse.status).toBe(200);
    const hold = (await holdResponse.json()) as { holdId: string; expiresAt: string };
    expect(new Date(hold.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const held = await fetch(`${baseUrl}/holds/${hold.holdId}`);
    expect(((await held.json()) as { holdId: string }).holdId).toBe(hold.holdId);

    const booked = await post('/bookings', {
      holdId: hold.holdId,
      idempotencyKey: randomUUID(),
      contact: { name: 'Plain Fetch', email: 'plain@example.com' },
    });
    expect(booked.status).toBe(200);
    const booking = (await booked.json()) as { reference: string; status: string };
    expect(booking.status).toBe('confirmed');

    const lookup = await fetch(
      `${baseUrl}/bookings/${booking.reference}?email=${encodeURIComponent('plain@example.com')}`,
    );
    expect(((await lookup.json()) as { status: string }).status).toBe('confirmed');
    const stock = await t.db
      .selectFrom('bookings')
      .select('status')
      .where('reference', '=', booking.reference)
      .executeTakeFirstOrThrow();
    expect(stock.status).toBe('confirmed');
  });

  it("answers with the tRPC API's errors: invalid input, sold out, unknown paths", async () => {
    const ga = await generalAdmission(t.db, { quota: 1 });
    const invalid = await post('/holds', { occurrenceId: 'nope' });
    expect(invalid.status).toBe(400);
    const invalidBody = (await invalid.json()) as { error: { appCode: string; message: string } };
    expect(invalidBody.error.appCode).toBe('VALIDATION');
    expect(invalidBody.error.message).toMatch(/^Invalid input: /);

    const soldOut = await post('/holds', {
      occurrenceId: ga.occurrence.id,
      tickets: [{ ticketTypeId: ga.ticketType.id, quantity: 2 }],
    });
    expect(soldOut.status).toBe(409);
    expect(((await soldOut.json()) as { error: { appCode: string } }).error.appCode).toBe(
      'SOLD_OUT',
    );
    expect(
      await t.db
        .selectFrom('holds')
        .select('id')
        .where('occurrenceId', '=', ga.occurrence.id)
        .execute(),
    ).toEqual([]);

    const revoked = await fetch(`${baseUrl}/catalog/offerings`, {
      headers: { authorization: 'Bearer tk_live_unknown' },
    });
    expect(revoked.status).toBe(401);
    expect((await fetch(`${baseUrl}/nothing/here`)).status).toBe(404);
  });
});

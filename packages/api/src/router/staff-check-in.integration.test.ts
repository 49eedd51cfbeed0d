import { randomUUID } from 'node:crypto';
import { createOccurrence, createStaffUser, createUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestCsv } from '../domain/check-in/manifest';
import { signTicket } from '../domain/tickets/signature';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { at, seatedOccurrence } from '../testing/engine-fixtures';

let t: ApiTest;
const noLimits = { engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } };

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 6 });
});
afterAll(() => t.close());

/** A free concert with two confirmed bookings (three tickets) and its door staff. */
async function door() {
  const fixture = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 6, priceAmount: 0 });
  const { org, occurrence, seats } = fixture;
  async function book(seatIndexes: number[], names: string[]) {
    const customer = await t.caller(noLimits);
    const hold = await customer.holds.create({
      occurrenceId: occurrence.id,
      seatIds: seatIndexes.map((index) => at(seats, index).id),
    });
    const { reference } = await customer.bookings.checkout({
      holdId: hold.holdId,
      idempotencyKey: `key-${randomUUID()}`,
      contact: { name: at(names, 0), email: 'door@example.test' },
      attendees: names.map((name) => ({ name })),
    });
    const tickets = await t.db
      .selectFrom('tickets as t')
      .innerJoin('bookings as b', 'b.id', 't.bookingId')
      .innerJoin('attendees as a', 'a.id', 't.attendeeId')
      .select(['t.code', 't.occurrenceId'])
      .where('b.reference', '=', reference)
      // The n-th attendee holds the n-th ticket (the n-th seat asked for).
      .orderBy('a.position')
      .execute();
    return { reference, codes: tickets.map((ticket) => ticket.code) };
  }
  const scanner = (
    await createStaffUser(t.db, {
      org,
      role: 'checkin',
      email: `gate-a-${randomUUID()}@example.test`,
    })
  ).user;
  const second = (await createStaffUser(t.db, { org, role: 'checkin' })).user;
  return { ...fixture, book, scanner, second };
}

describe('staff.checkIn.scan', () => {
  it('admits a typed code once, then says when and by whom; counts checked-in / expected', async () => {
    const d = await door();
    const { codes, reference } = await d.book([0, 1], ['Amel Haddad', 'Karim Haddad']);
    const api = await t.caller({ userId: d.scanner.id });
    const code = at(codes, 0);

    const first = await api.staff.checkIn.scan({
      occurrenceId: d.occurrence.id,
      scanned: ` ${code.toLowerCase()} `,
      gate: 'North',
    });
    expect(first).toMatchObject({
      result: 'valid',
      ticket: { code, reference, place: 'Stalls A 1' },
      count: { checkedIn: 1, expected: 2 },
    });
    const again = await api.staff.checkIn.scan({ occurrenceId: d.occurrence.id, scanned: code });
    expect(again).toMatchObject({
      result: 'already_checked_in',
      checkedInBy: d.scanner.email,
      gate: 'North',
      count: { checkedIn: 1, expected: 2 },
    });
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorLabel', 'entityType'])
      .where('orgId', '=', d.org.id)
      .execute();
    expect(audit).toEqual([
      { action: 'ticket.checked_in', actorLabel: d.scanner.email, entityType: 'ticket' },
    ]);
  });

  it('admits one ticket once when two scanners read its QR at the same moment', async () => {
    const d = await door();
    const { codes } = await d.book([2], ['Nora Ali']);
    const payload = signTicket({ code: at(codes, 0), occurrenceId: d.occurrence.id });
    const scanners = [
      await t.caller({ userId: d.scanner.id }),
      await t.caller({ userId: d.second.id }),
    ];
    for (let round = 0; round < 5; round++) {
      await t.db
        .updateTable('tickets')
        .set({ checkedInAt: null, checkedInBy: null, checkedInGate: null })
        .where('code', '=', at(codes, 0))
        .execute();
      const results = await Promise.all(
        scanners.map((api, index) =>
          api.staff.checkIn.scan({
            occurrenceId: d.occurrence.id,
            scanned: payload,
            gate: `G${index}`,
          }),
        ),
      );
      expect(results.map((result) => result.result).sort()).toEqual([
        'already_checked_in',
        'valid',
      ]);
      const winner = results.findIndex((result) => result.result === 'valid');
      const row = await t.db
        .selectFrom('tickets')
        .select(['checkedInBy', 'checkedInGate'])
        .where('code', '=', at(codes, 0))
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        checkedInBy: [d.scanner.id, d.second.id][winner],
        checkedInGate: `G${winner}`,
      });
    }
  });

  it('refuses a forged payload, an unknown code, another date and a cancelled booking', async () => {
    const d = await door();
    const { codes, reference } = await d.book([3], ['Ines Roy']);
    const api = await t.caller({ userId: d.scanner.id });
    const scan = (scanned: string, occurrenceId = d.occurrence.id) =>
      api.staff.checkIn.scan({ occurrenceId, scanned });
    const code = at(codes, 0);
    const genuine = signTicket({ code, occurrenceId: d.occurrence.id });

    // A genuine payload of another code, with this code swapped in, no longer verifies.
    const other = signTicket({ code: 'ZZZZ9999', occurrenceId: d.occurrence.id });
    expect(await scan(other.replace('ZZZZ9999', code))).toMatchObject({ result: 'forged' });
    expect(
      await scan(signTicket({ code, occurrenceId: d.occurrence.id }, 'another-key')),
    ).toMatchObject({
      result: 'forged',
    });
    expect(await scan('T1.garbled')).toMatchObject({ result: 'unknown' });
    expect(await scan('NOSUCHCODE1')).toMatchObject({ result: 'unknown' });
    expect(await scan('<script>')).toMatchObject({ result: 'unknown' });

    const tomorrow = await createOccurrence(t.db, {
      offering: d.offering,
      seatMap: d.occurrence.seatMapId ? { id: d.occurrence.seatMapId } : null,
      startsAt: new Date(d.occurrence.startsAt.getTime() + 86_400_000),
    });
    expect(await scan(genuine, tomorrow.id)).toMatchObject({
      result: 'wrong_occurrence',
      startsAt: d.occurrence.startsAt,
    });

    const owner = (await createStaffUser(t.db, { org: d.org, role: 'owner' })).user;
    await (await t.caller({ userId: owner.id })).staff.bookings.cancel({ reference });
    expect(await scan(genuine)).toMatchObject({
      result: 'void',
      count: { checkedIn: 0, expected: 0 },
    });
    const ticket = await t.db
      .selectFrom('tickets')
      .select('checkedInAt')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(ticket.checkedInAt).toBeNull();
  });

  it('is refused to roles without checkin:write, and another org neither scans nor learns our codes', async () => {
    const d = await door();
    const { codes } = await d.book([4], ['Tom Noir']);
    const code = at(codes, 0);
    for (const role of ['agent', 'auditor'] as const) {
      const user = (await createStaffUser(t.db, { org: d.org, role })).user;
      await expect(
        (await t.caller({ userId: user.id })).staff.checkIn.scan({
          occurrenceId: d.occurrence.id,
          scanned: code,
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const customer = await createUser(t.db);
    await expect(
      (await t.caller({ userId: customer.id })).staff.checkIn.manifest({
        occurrenceId: d.occurrence.id,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const otherOrg = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 1 });
    const stranger = await t.caller({
      userId: (await createStaffUser(t.db, { org: otherOrg.org, role: 'owner' })).user.id,
    });
    for (const call of [
      () => stranger.staff.checkIn.scan({ occurrenceId: d.occurrence.id, scanned: code }),
      () => stranger.staff.checkIn.manifest({ occurrenceId: d.occurrence.id }),
      () => stranger.staff.checkIn.occurrence({ occurrenceId: d.occurrence.id }),
    ])
      await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await stranger.staff.checkIn.scan({ occurrenceId: otherOrg.occurrence.id, scanned: code }),
    ).toMatchObject({ result: 'unknown' });
    const ticket = await t.db
      .selectFrom('tickets')
      .select('checkedInAt')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(ticket.checkedInAt).toBeNull();
  });
});

describe('staff.checkIn.manifest', () => {
  it('lists each valid ticket by name with its seat, booking and check-in, for the auditor too, and as CSV', async () => {
    const d = await door();
    const first = await d.book([0, 1], ['Karim Haddad', 'Amel Haddad']);
    const second = await d.book([5], ['=Bob, "the" builder']);
    await (
      await t.caller({ userId: d.scanner.id })
    ).staff.checkIn.scan({
      occurrenceId: d.occurrence.id,
      scanned: at(second.codes, 0),
    });
    const auditor = (await createStaffUser(t.db, { org: d.org, role: 'auditor' })).user;
    const manifest = await (
      await t.caller({ userId: auditor.id })
    ).staff.checkIn.manifest({
      occurrenceId: d.occurrence.id,
    });
    expect(manifest.count).toEqual({ checkedIn: 1, expected: 3 });
    expect(
      manifest.rows.map((row) => [row.name, row.place, row.reference, row.checkedInAt !== null]),
    ).toEqual([
      ['=Bob, "the" builder', 'Stalls A 6', second.reference, true],
      ['Amel Haddad', 'Stalls A 2', first.reference, false],
      ['Karim Haddad', 'Stalls A 1', first.reference, false],
    ]);

    const csv = manifestCsv(manifest.rows, 'Europe/Paris').split('\r\n');
    expect(csv[0]).toBe('Name,Seat or ticket,Booking,Ticket code,Checked in at (Europe/Paris)');
    expect(csv[1]).toMatch(
      new RegExp(
        `^"'=Bob, ""the"" builder",Stalls A 6,${second.reference},${at(second.codes, 0)},\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`,
      ),
    );
    expect(csv[2]).toBe(`Amel Haddad,Stalls A 2,${first.reference},${manifest.rows[1]?.code},`);
    expect(csv).toHaveLength(5);
    expect(csv[4]).toBe('');
  });
});

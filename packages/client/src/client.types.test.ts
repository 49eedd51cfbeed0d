import { describe, expectTypeOf, it } from 'vitest';
import {
  createTesseraClient,
  isTesseraError,
  type RouterInputs,
  type RouterOutputs,
  type TesseraErrorCode,
} from '@tessera/client';
import { type CreateHoldInput, type HoldView } from '@tessera/client/schemas';
import type { z } from 'zod';

const client = createTesseraClient({ baseUrl: 'http://localhost:3000' });

describe('types of the built client', () => {
  it('types inputs and outputs from the routers, and the schemas agree with them', () => {
    expectTypeOf(client.holds.create.mutate)
      .parameter(0)
      .toEqualTypeOf<RouterInputs['holds']['create']>();
    expectTypeOf<RouterOutputs['holds']['get']>().toEqualTypeOf<z.infer<typeof HoldView>>();
    expectTypeOf<z.input<typeof CreateHoldInput>>().toEqualTypeOf<
      RouterInputs['holds']['create']
    >();
    expectTypeOf<RouterOutputs['bookings']['checkout']['total']['amount']>().toBeNumber();
    expectTypeOf<RouterOutputs['holds']['get']['expiresAt']>().toEqualTypeOf<Date>();
  });

  it('types the staff procedures a staff-scoped API key reaches', () => {
    expectTypeOf(client.staff.bookings.detail.query)
      .parameter(0)
      .toEqualTypeOf<RouterInputs['staff']['bookings']['detail']>();
    expectTypeOf<RouterOutputs['staff']['bookings']['cancel']['refundAmount']>().toBeNumber();
  });

  it('refuses wrong inputs at compile time', () => {
    const never = false as boolean;
    if (never) {
      const tickets = [{ ticketTypeId: 'y', quantity: '2' }];
      // @ts-expect-error quantity is a number
      void client.holds.create.mutate({ occurrenceId: 'x', tickets });
      // @ts-expect-error a query, not a mutation
      void client.catalog.offerings.mutate({});
      // @ts-expect-error contact is required
      void client.bookings.checkout.mutate({ holdId: 'x', idempotencyKey: '12345678' });
      // @ts-expect-error no such procedure
      void client.holds.steal.mutate({});
      // @ts-expect-error a staff search takes a query string, not a number
      void client.staff.bookings.search.query({ query: 42 });
    }
  });

  it('knows the domain error codes', () => {
    expectTypeOf<'SEAT_TAKEN'>().toExtend<TesseraErrorCode>();
    // @ts-expect-error not a Tessera error code
    isTesseraError(new Error(), 'SEAT_GONE');
    const error: unknown = null;
    if (isTesseraError(error, 'HOLD_EXPIRED'))
      expectTypeOf(error.data.appCode).toEqualTypeOf<'HOLD_EXPIRED'>();
  });
});

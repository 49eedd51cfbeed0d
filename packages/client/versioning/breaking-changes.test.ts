import { toJsonSchema } from '@tessera/api/openapi';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { breakingChanges } from './breaking-changes';
import { publicApiSnapshot } from './snapshot';

/** A one-procedure snapshot: `input` is what clients send, `output` what they read. */
const snapshotOf = (procedures: Record<string, { input?: z.ZodType; output?: z.ZodType }>) =>
  Object.fromEntries(
    Object.entries(procedures).map(([name, { input, output }]) => [
      name,
      {
        input: input ? toJsonSchema(input, 'input') : {},
        output: output ? toJsonSchema(output, 'output') : {},
      },
    ]),
  );

const Hold = z.object({
  occurrenceId: z.uuid(),
  quantity: z.number().int().min(1).max(10),
  kind: z.enum(['seat', 'ticket']),
  note: z.string().optional(),
});

describe('breakingChanges', () => {
  it('finds nothing between a snapshot and itself, and a field dropped from a real procedure', () => {
    const released = publicApiSnapshot();
    expect(breakingChanges(released, publicApiSnapshot())).toEqual([]);
    const changed = publicApiSnapshot();
    delete changed['holds.get']?.output.properties?.expiresAt;
    delete changed['waitlist.join'];
    expect(breakingChanges(released, changed)).toEqual([
      'holds.get (output).expiresAt: removed',
      'waitlist.join: removed',
    ]);
  });

  it('finds removed procedures and fields, new required input, narrowed limits and enums', () => {
    const before = snapshotOf({
      'holds.create': { input: Hold, output: Hold },
      'holds.gone': { output: z.object({ id: z.string() }) },
    });
    const Narrowed = z.object({
      occurrenceId: z.uuid(),
      quantity: z.number().int().min(1).max(4),
      kind: z.enum(['seat']),
      promo: z.string(),
    });
    expect(
      breakingChanges(
        before,
        snapshotOf({ 'holds.create': { input: Narrowed, output: Narrowed } }),
      ),
    ).toEqual([
      'holds.create (input).quantity: maximum lowered to 4',
      'holds.create (input).kind: no longer accepts ticket',
      'holds.create (input).note: removed',
      'holds.create (input).promo: newly required',
      'holds.create (output).note: removed',
      'holds.gone: removed',
    ]);
  });

  it('finds outputs that may now be missing or hold new values', () => {
    const View = z.object({ status: z.enum(['held', 'sold']), seat: z.string() });
    const Grown = z.object({
      status: z.enum(['held', 'sold', 'void']),
      seat: z.string().optional(),
    });
    expect(
      breakingChanges(
        snapshotOf({ get: { output: View } }),
        snapshotOf({ get: { output: Grown } }),
      ),
    ).toEqual([
      'get (output).status: may now return void',
      'get (output).seat: may now be missing',
    ]);
  });

  it('lets inputs widen and outputs grow', () => {
    const Wider = Hold.extend({
      quantity: z.number().int().min(1).max(20),
      kind: z.enum(['seat', 'ticket', 'slot']).optional(),
      accessible: z.boolean().optional(),
    });
    const View = z.object({ id: z.string() });
    expect(
      breakingChanges(
        snapshotOf({ 'holds.create': { input: Hold, output: View } }),
        snapshotOf({
          'holds.create': { input: Wider, output: View.extend({ extra: z.number() }) },
        }),
      ),
    ).toEqual([]);
  });
});

import { z } from 'zod';
import { AttendeeInput, BookingStatus, Contact } from '../bookings/schemas';
import { OccurrenceHoldInput, SlotHoldInput } from '../holds/schemas';
import { Money } from '../shared/schemas';

/**
 * How the customer of a staff sale pays: a Stripe link emailed to them (the booking waits for
 * payment), at the venue (waits until the start), or now at the desk's card terminal (settled).
 */
export const SalePayment = z.enum(['payment_link', 'pay_at_venue', 'paid_now'], {
  error: 'Choose how the customer pays',
});
export type SalePayment = z.infer<typeof SalePayment>;

/** What is sold: seats or tickets on a date, or a time slot (the engine's hold requests). */
export const SaleInventory = z.union(
  [
    OccurrenceHoldInput.omit({ idempotencyKey: true }).strict(),
    SlotHoldInput.omit({ idempotencyKey: true }).strict(),
  ],
  { error: 'Choose seats or tickets on a date, or a time slot' },
);
export type SaleInventory = z.infer<typeof SaleInventory>;

export const StaffSaleInput = z.object({
  /** One per sale form: a double click or a retry books once. */
  idempotencyKey: z
    .string()
    .min(8, { error: 'Use an idempotency key of at least 8 characters' })
    .max(200),
  inventory: SaleInventory,
  contact: Contact,
  attendees: z.array(AttendeeInput).max(100).optional(),
  payment: SalePayment,
});
export type StaffSaleInput = z.infer<typeof StaffSaleInput>;

export const StaffSaleResult = z.object({
  reference: z.string(),
  status: BookingStatus,
  total: Money,
  payment: SalePayment,
  /** The Stripe payment page (payment_link only), also emailed to the customer. */
  paymentUrl: z.string().nullable(),
  /** Until when the booking keeps its places unpaid; null once paid. */
  dueAt: z.date().nullable(),
});
export type StaffSaleResult = z.infer<typeof StaffSaleResult>;

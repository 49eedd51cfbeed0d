import { instantOfLocalDateTime } from '@tessera/api/domain/shared/time-zone';
import { formText } from '@tessera/ui';
import { formNumber } from '~/lib/form-state';

// What each catalog form sends, read once for both of its modes: adding an item and
// editing one. An empty optional box is null: on an edit it clears the stored value.

const textOrNull = (form: FormData, name: string) => formText(form, name).trim() || null;

/** Percent typed (10, -5) when the form says so, stored in basis points; else minor units. */
function percentOrAmount(form: FormData, kindField: string, valueField: string) {
  const percent = formText(form, kindField) !== 'amount';
  const typed = formNumber(form, valueField) ?? NaN;
  return {
    kind: percent ? ('percent_bp' as const) : ('amount' as const),
    value: percent ? Math.round(typed * 100) : typed,
  };
}

/** The fields of DateFields and the first date, as both ways of adding dates send them. */
export function dateFields(form: FormData) {
  return {
    offeringId: formText(form, 'offeringId'),
    firstDate: formText(form, 'firstDate'),
    localTime: formText(form, 'localTime'),
    durationMinutes: formNumber(form, 'durationMinutes') ?? NaN,
    seatMapId: formText(form, 'seatMapId') || null,
  };
}

export function venueFields(form: FormData) {
  return {
    name: formText(form, 'name'),
    addressLine: textOrNull(form, 'addressLine'),
    city: textOrNull(form, 'city'),
    country: textOrNull(form, 'country'),
    timeZone: formText(form, 'timeZone').trim(),
  };
}

/** A datetime-local box, read in the zone the form names (the offering's). */
function localDateTime(form: FormData, name: string) {
  const typed = formText(form, name).trim();
  return typed ? instantOfLocalDateTime(typed, formText(form, 'timeZone')) : null;
}

export function ticketTypeFields(form: FormData) {
  return {
    name: formText(form, 'name'),
    priceAmount: formNumber(form, 'priceAmount') ?? NaN,
    quotaPerOccurrence: formNumber(form, 'quotaPerOccurrence') ?? null,
    seatCategory: textOrNull(form, 'seatCategory'),
    minPerOrder: formNumber(form, 'minPerOrder'),
    maxPerOrder: formNumber(form, 'maxPerOrder'),
    salesStartAt: localDateTime(form, 'salesStartAt'),
    salesEndAt: localDateTime(form, 'salesEndAt'),
  };
}

export function priceRuleFields(form: FormData) {
  const adjustment = percentOrAmount(form, 'adjustmentKind', 'adjustmentValue');
  return {
    kind:
      formText(form, 'kind') === 'time_to_start'
        ? ('time_to_start' as const)
        : ('occupancy' as const),
    threshold: formNumber(form, 'threshold') ?? NaN,
    adjustmentKind: adjustment.kind,
    adjustmentValue: adjustment.value,
  };
}

export function promoCodeFields(form: FormData) {
  const discount = percentOrAmount(form, 'discountKind', 'discountValue');
  return {
    code: formText(form, 'code'),
    discountKind: discount.kind,
    discountValue: discount.value,
    maxRedemptions: formNumber(form, 'maxRedemptions') ?? null,
    validUntil: textOrNull(form, 'validUntil'),
  };
}

export function addOnFields(form: FormData) {
  return {
    name: formText(form, 'name'),
    priceAmount: formNumber(form, 'priceAmount') ?? NaN,
    perItem: formText(form, 'perItem') === 'on',
    stock: formNumber(form, 'stock') ?? null,
  };
}

// The columns each catalog item is read with, for its view: one list per item, shared by
// its create, update and list queries.

export const ticketTypeColumns = [
  'id',
  'name',
  'priceAmount',
  'currency',
  'seatCategory',
  'quotaPerOccurrence',
  'minPerOrder',
  'maxPerOrder',
  'salesStartAt',
  'salesEndAt',
  'active',
] as const;

export const priceRuleColumns = [
  'id',
  'ticketTypeId',
  'kind',
  'threshold',
  'adjustmentKind',
  'adjustmentValue',
  'priority',
] as const;

export const promoCodeColumns = [
  'id',
  'code',
  'discountKind',
  'discountValue',
  'maxRedemptions',
  'redeemedCount',
  'validFrom',
  'validUntil',
  'active',
] as const;

export const addOnColumns = [
  'id',
  'name',
  'priceAmount',
  'currency',
  'perItem',
  'maxPerOrder',
  'stock',
  'active',
] as const;

import type { DB } from '../../schema';
import {
  uniqueToken,
  type AddOnRow,
  type DbOrTx,
  type OfferingRow,
  type OrgRow,
  type OrgScoped,
  type PromoCodeRow,
  type ResourceRow,
  type TaxRateRow,
  type TicketTypeRow,
  type VenueRow,
} from './types';

export interface CreateTaxRateOptions {
  org: Pick<OrgRow, 'id'>;
  name?: string;
  /** 2000 = 20 %. */
  rateBasisPoints?: number;
  /** Whether prices already include the tax (European consumer prices do). */
  inclusive?: boolean;
}

export async function createTaxRate(db: DbOrTx, options: CreateTaxRateOptions): Promise<TaxRateRow> {
  const rateBasisPoints = options.rateBasisPoints ?? 2000;
  return db
    .insertInto('taxRates')
    .values({
      orgId: options.org.id,
      name: options.name ?? `VAT ${rateBasisPoints / 100} %`,
      rateBasisPoints,
      inclusive: options.inclusive ?? true,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type OfferingKind = DB['offerings']['kind'];

export interface CreateOfferingOptions {
  org: Pick<OrgRow, 'id' | 'currency'>;
  kind?: OfferingKind;
  venue?: Pick<VenueRow, 'id'> | null;
  taxRate?: Pick<TaxRateRow, 'id'> | null;
  slug?: string;
  name?: string;
  description?: string;
  /** Factories publish by default: most tests exercise what customers can see. */
  status?: OfferingRow['status'];
  currency?: string;
  cancellationCutoffHours?: number | null;
  holdMinutes?: number | null;
  maxPerOrder?: number;
  attendeeFields?: string[];
  /** Appointments: slot length (60 by default for appointments), buffers, notice, horizon. */
  slotMinutes?: number | null;
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
  minNoticeMinutes?: number;
  horizonDays?: number;
  /** Appointments: the resources that can deliver it (offering_resources rows). */
  resources?: readonly Pick<ResourceRow, 'id'>[];
}

export async function createOffering(db: DbOrTx, options: CreateOfferingOptions): Promise<OfferingRow> {
  const token = uniqueToken();
  const kind = options.kind ?? 'event';
  const offering = await db
    .insertInto('offerings')
    .values({
      orgId: options.org.id,
      kind,
      venueId: options.venue?.id ?? null,
      taxRateId: options.taxRate?.id ?? null,
      slug: options.slug ?? `${kind}-${token}`,
      name: options.name ?? `${kind[0]?.toUpperCase() ?? ''}${kind.slice(1)} ${token}`,
      description: options.description ?? '',
      status: options.status ?? 'published',
      currency: options.currency ?? options.org.currency,
      cancellationCutoffHours: options.cancellationCutoffHours ?? null,
      holdMinutes: options.holdMinutes ?? null,
      maxPerOrder: options.maxPerOrder,
      attendeeFields: options.attendeeFields,
      slotMinutes: options.slotMinutes ?? (kind === 'appointment' ? 60 : null),
      bufferBeforeMinutes: options.bufferBeforeMinutes,
      bufferAfterMinutes: options.bufferAfterMinutes,
      minNoticeMinutes: options.minNoticeMinutes,
      horizonDays: options.horizonDays,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (options.resources?.length) {
    await db
      .insertInto('offeringResources')
      .values(options.resources.map((resource) => ({ orgId: offering.orgId, offeringId: offering.id, resourceId: resource.id })))
      .execute();
  }
  return offering;
}

export interface CreateTicketTypeOptions {
  offering: Pick<OfferingRow, 'id' | 'orgId' | 'currency'>;
  name?: string;
  description?: string;
  /** Minor units (cents). */
  priceAmount?: number;
  currency?: string;
  /** Reserved seating: the seat category this tier sells. */
  seatCategory?: string | null;
  /** General admission: units per occurrence (occurrence_ticket_types rows copy it). */
  quotaPerOccurrence?: number | null;
  minPerOrder?: number;
  maxPerOrder?: number;
  salesStartAt?: Date | null;
  salesEndAt?: Date | null;
  sortOrder?: number;
  active?: boolean;
}

export async function createTicketType(db: DbOrTx, options: CreateTicketTypeOptions): Promise<TicketTypeRow> {
  return db
    .insertInto('ticketTypes')
    .values({
      orgId: options.offering.orgId,
      offeringId: options.offering.id,
      name: options.name ?? `Ticket ${uniqueToken()}`,
      description: options.description ?? '',
      priceAmount: options.priceAmount ?? 2500,
      currency: options.currency ?? options.offering.currency,
      seatCategory: options.seatCategory ?? null,
      quotaPerOccurrence: options.quotaPerOccurrence ?? null,
      minPerOrder: options.minPerOrder,
      maxPerOrder: options.maxPerOrder,
      salesStartAt: options.salesStartAt ?? null,
      salesEndAt: options.salesEndAt ?? null,
      sortOrder: options.sortOrder,
      active: options.active,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface CreatePromoCodeOptions {
  org: Pick<OrgRow, 'id' | 'currency'>;
  /** Limits the code to one offering; null (default) for the whole org. */
  offering?: OrgScoped | null;
  code?: string;
  /** 'percent_bp' (default, 1000 = 10 %) or 'amount' (minor units, in `currency`). */
  discountKind?: DB['promoCodes']['discountKind'];
  discountValue?: number;
  currency?: string | null;
  maxRedemptions?: number | null;
  validFrom?: Date | null;
  validUntil?: Date | null;
  active?: boolean;
}

export async function createPromoCode(db: DbOrTx, options: CreatePromoCodeOptions): Promise<PromoCodeRow> {
  const discountKind = options.discountKind ?? 'percent_bp';
  return db
    .insertInto('promoCodes')
    .values({
      orgId: options.org.id,
      offeringId: options.offering?.id ?? null,
      code: options.code ?? `PROMO-${uniqueToken().toUpperCase()}`,
      discountKind,
      discountValue: options.discountValue ?? 1000,
      currency: options.currency ?? (discountKind === 'amount' ? options.org.currency : null),
      maxRedemptions: options.maxRedemptions ?? null,
      validFrom: options.validFrom ?? null,
      validUntil: options.validUntil ?? null,
      active: options.active ?? true,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface CreateAddOnOptions {
  offering: Pick<OfferingRow, 'id' | 'orgId' | 'currency'>;
  name?: string;
  description?: string;
  priceAmount?: number;
  currency?: string;
  /** Charged once per ticket/seat rather than once per booking. */
  perItem?: boolean;
  maxPerOrder?: number;
  /** Units available across all bookings; null (default) for unlimited. */
  stock?: number | null;
  active?: boolean;
}

export async function createAddOn(db: DbOrTx, options: CreateAddOnOptions): Promise<AddOnRow> {
  return db
    .insertInto('addOns')
    .values({
      orgId: options.offering.orgId,
      offeringId: options.offering.id,
      name: options.name ?? `Add-on ${uniqueToken()}`,
      description: options.description ?? '',
      priceAmount: options.priceAmount ?? 500,
      currency: options.currency ?? options.offering.currency,
      perItem: options.perItem ?? false,
      maxPerOrder: options.maxPerOrder,
      stock: options.stock ?? null,
      active: options.active ?? true,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

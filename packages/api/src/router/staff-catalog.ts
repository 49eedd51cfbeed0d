import { z } from 'zod';
import { cancelOccurrence } from '../domain/catalog-admin/occurrence-cancel';
import { removeCatalogItem } from '../domain/catalog-admin/remove';
import {
  createOccurrenceSeries,
  previewOccurrenceSeries,
} from '../domain/catalog-admin/occurrence-series';
import {
  createOffering,
  listOfferingsForStaff,
  offeringForStaff,
  updateOffering,
} from '../domain/catalog-admin/offerings';
import {
  CreateOfferingInput,
  CreateTicketTypeInput,
  CreateVenueInput,
  OccurrenceSeriesInput,
  OfferingAdminDetail,
  OfferingId,
  OfferingSummary,
  SeriesPreview,
  TicketTypeView,
  UpdateOfferingInput,
  UpdateTicketTypeInput,
  UpdateVenueInput,
  VenueView,
} from '../domain/catalog-admin/schemas';
import {
  createAddOn,
  createPriceRule,
  createPromoCode,
  offeringExtras,
} from '../domain/catalog-admin/extras';
import {
  AddOnView,
  CreateAddOnInput,
  CreatePriceRuleInput,
  CreatePromoCodeInput,
  OfferingExtras,
  PriceRuleView,
  PromoCodeView,
  RemoveCatalogItemInput,
  RemoveCatalogItemResult,
  UpdateAddOnInput,
  UpdatePriceRuleInput,
  UpdatePromoCodeInput,
} from '../domain/catalog-admin/extras-schemas';
import {
  updateAddOn,
  updatePriceRule,
  updatePromoCode,
} from '../domain/catalog-admin/extras-update';
import {
  createResource,
  listResources,
  previewResourceHours,
  setResourceHours,
  updateResource,
} from '../domain/catalog-admin/resources';
import {
  CreateResourceInput,
  ResourceHoursPreview,
  ResourceHoursPreviewInput,
  ResourceView,
  SetResourceHoursInput,
  UpdateResourceInput,
} from '../domain/catalog-admin/resources-schemas';
import { createTicketType, updateTicketType } from '../domain/catalog-admin/ticket-types';
import { createVenue, listVenues, updateVenue } from '../domain/catalog-admin/venues';
import { router, staffProcedure } from '../trpc';

/** The org's catalog as staff manage it (staff.catalog.*): any status, every date. */
export const staffCatalogRouter = router({
  venues: staffProcedure('catalog:read')
    .output(z.array(VenueView))
    .query(({ ctx }) => listVenues(ctx.db, ctx.staff.orgId)),

  createVenue: staffProcedure('catalog:write')
    .input(CreateVenueInput)
    .output(VenueView)
    .mutation(({ ctx, input }) => createVenue(ctx.db, input, ctx.staff, ctx.requestId)),

  /** A new time zone is refused while the venue has dates to come. */
  updateVenue: staffProcedure('catalog:write')
    .input(UpdateVenueInput)
    .output(VenueView)
    .mutation(({ ctx, input }) => updateVenue(ctx.db, input, ctx.staff, ctx.requestId)),

  offerings: staffProcedure('catalog:read')
    .output(z.array(OfferingSummary))
    .query(({ ctx }) => listOfferingsForStaff(ctx.db, ctx.staff.orgId)),

  offering: staffProcedure('catalog:read')
    .input(OfferingId)
    .output(OfferingAdminDetail)
    .query(({ ctx, input }) => offeringForStaff(ctx.db, ctx.staff.orgId, input.offeringId)),

  createOffering: staffProcedure('catalog:write')
    .input(CreateOfferingInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => createOffering(ctx.db, input, ctx.staff, ctx.requestId)),

  updateOffering: staffProcedure('catalog:write')
    .input(UpdateOfferingInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => updateOffering(ctx.db, input, ctx.staff, ctx.requestId)),

  createTicketType: staffProcedure('catalog:write')
    .input(CreateTicketTypeInput)
    .output(TicketTypeView)
    .mutation(({ ctx, input }) => createTicketType(ctx.db, input, ctx.staff, ctx.requestId)),

  /** A new quota restocks the dates to come; never below what is held or sold on one. */
  updateTicketType: staffProcedure('catalog:write')
    .input(UpdateTicketTypeInput)
    .output(TicketTypeView)
    .mutation(({ ctx, input }) =>
      updateTicketType(ctx.db, input, ctx.staff, { events: ctx.events, requestId: ctx.requestId }),
    ),

  /** Price rules, promo codes and add-ons of an offering. */
  extras: staffProcedure('catalog:read')
    .input(OfferingId)
    .output(OfferingExtras)
    .query(({ ctx, input }) => offeringExtras(ctx.db, ctx.staff.orgId, input.offeringId)),

  createPriceRule: staffProcedure('catalog:write')
    .input(CreatePriceRuleInput)
    .output(PriceRuleView)
    .mutation(({ ctx, input }) => createPriceRule(ctx.db, input, ctx.staff, ctx.requestId)),

  updatePriceRule: staffProcedure('catalog:write')
    .input(UpdatePriceRuleInput)
    .output(PriceRuleView)
    .mutation(({ ctx, input }) => updatePriceRule(ctx.db, input, ctx.staff, ctx.requestId)),

  createPromoCode: staffProcedure('catalog:write')
    .input(CreatePromoCodeInput)
    .output(PromoCodeView)
    .mutation(({ ctx, input }) => createPromoCode(ctx.db, input, ctx.staff, ctx.requestId)),

  /** A usage limit never goes below the redemptions so far. */
  updatePromoCode: staffProcedure('catalog:write')
    .input(UpdatePromoCodeInput)
    .output(PromoCodeView)
    .mutation(({ ctx, input }) => updatePromoCode(ctx.db, input, ctx.staff, ctx.requestId)),

  createAddOn: staffProcedure('catalog:write')
    .input(CreateAddOnInput)
    .output(AddOnView)
    .mutation(({ ctx, input }) => createAddOn(ctx.db, input, ctx.staff, ctx.requestId)),

  /** A stock never goes below what live holds and bookings have. */
  updateAddOn: staffProcedure('catalog:write')
    .input(UpdateAddOnInput)
    .output(AddOnView)
    .mutation(({ ctx, input }) => updateAddOn(ctx.db, input, ctx.staff, ctx.requestId)),

  /** The dates a series would create, in the offering's zone; creates nothing. */
  previewSeries: staffProcedure('catalog:write')
    .input(OccurrenceSeriesInput)
    .output(SeriesPreview)
    .query(({ ctx, input }) => previewOccurrenceSeries(ctx.db, ctx.staff.orgId, input)),

  createSeries: staffProcedure('catalog:write')
    .input(OccurrenceSeriesInput)
    .output(SeriesPreview.extend({ created: z.number().int() }))
    .mutation(({ ctx, input }) => createOccurrenceSeries(ctx.db, input, ctx.staff, ctx.requestId)),

  /** Deletes a ticket type, price rule, promo code or add-on; deactivates it when in use. */
  removeItem: staffProcedure('catalog:write')
    .input(RemoveCatalogItemInput)
    .output(RemoveCatalogItemResult)
    .mutation(({ ctx, input }) => removeCatalogItem(ctx.db, input, ctx.staff, ctx.requestId)),

  /** Takes one date off sale; refused while it has live bookings. */
  cancelOccurrence: staffProcedure('catalog:write')
    .input(z.object({ occurrenceId: z.uuid({ error: 'Choose a date from the list' }) }))
    .output(z.object({ releasedHolds: z.number().int() }))
    .mutation(({ ctx, input }) =>
      cancelOccurrence(ctx.db, input.occurrenceId, ctx.staff, {
        events: ctx.events,
        requestId: ctx.requestId,
      }),
    ),

  resources: staffProcedure('catalog:read')
    .output(z.array(ResourceView))
    .query(({ ctx }) => listResources(ctx.db, ctx.staff.orgId)),

  createResource: staffProcedure('catalog:write')
    .input(CreateResourceInput)
    .output(ResourceView)
    .mutation(({ ctx, input }) => createResource(ctx.db, input, ctx.staff, ctx.requestId)),

  /** A new time zone is refused while slots to come are held or booked. */
  updateResource: staffProcedure('catalog:write')
    .input(UpdateResourceInput)
    .output(ResourceView)
    .mutation(({ ctx, input }) => updateResource(ctx.db, input, ctx.staff, ctx.requestId)),

  /** Weekly hours and date overrides, replacing the resource's current ones. */
  setResourceHours: staffProcedure('catalog:write')
    .input(SetResourceHoursInput)
    .output(z.object({ rules: z.number().int() }))
    .mutation(({ ctx, input }) => setResourceHours(ctx.db, input, ctx.staff, ctx.requestId)),

  /** Each day's opening intervals under the stored hours, in the resource's zone. */
  previewResourceHours: staffProcedure('catalog:read')
    .input(ResourceHoursPreviewInput)
    .output(ResourceHoursPreview)
    .query(({ ctx, input }) => previewResourceHours(ctx.db, ctx.staff.orgId, input)),
});

import { offeringDetail } from '../domain/catalog/offering';
import { OfferingDetail, OfferingDetailInput } from '../domain/catalog/offering-schemas';
import { listOfferings } from '../domain/catalog/offerings';
import { offeringOccurrences } from '../domain/catalog/occurrences';
import {
  OfferingOccurrences,
  OfferingOccurrencesInput,
} from '../domain/catalog/occurrences-schemas';
import { ListOfferingsInput, OfferingPage } from '../domain/catalog/schemas';
import { stopSuggestions } from '../domain/catalog/stops';
import { searchTrips } from '../domain/catalog/trips';
import {
  SearchTripsInput,
  StopSuggestions,
  StopSuggestionsInput,
  TripSearchResults,
} from '../domain/catalog/trips-schemas';
import { catalogProcedure, router } from '../trpc';

export const catalogRouter = router({
  offerings: catalogProcedure
    .input(ListOfferingsInput)
    .output(OfferingPage)
    .query(({ ctx, input }) => listOfferings(ctx.db, input)),
  offering: catalogProcedure
    .input(OfferingDetailInput)
    .output(OfferingDetail)
    .query(({ ctx, input }) => offeringDetail(ctx.db, input)),
  occurrences: catalogProcedure
    .input(OfferingOccurrencesInput)
    .output(OfferingOccurrences)
    .query(({ ctx, input }) => offeringOccurrences(ctx.db, input)),
  searchTrips: catalogProcedure
    .input(SearchTripsInput)
    .output(TripSearchResults)
    .query(({ ctx, input }) => searchTrips(ctx.db, input)),
  stops: catalogProcedure
    .input(StopSuggestionsInput)
    .output(StopSuggestions)
    .query(({ ctx, input }) => stopSuggestions(ctx.db, input)),
});

/**
 * The zod schemas of every public procedure, re-exported from the API's own modules: one
 * source of truth, so a client validates exactly what the server will accept and return.
 */
export {
  ListOfferingsInput,
  OfferingPage,
  OfferingSummary,
} from '@tessera/api/domain/catalog/schemas';
export { OfferingDetail, OfferingDetailInput } from '@tessera/api/domain/catalog/offering-schemas';
export {
  OfferingOccurrence,
  OfferingOccurrences,
  OfferingOccurrencesInput,
} from '@tessera/api/domain/catalog/occurrences-schemas';
export {
  SearchTripsInput,
  StopSuggestions,
  StopSuggestionsInput,
  TripResult,
  TripSearchResults,
} from '@tessera/api/domain/catalog/trips-schemas';
export {
  OccurrenceAvailability,
  OccurrenceAvailabilityInput,
  SeatAvailability,
  SeatStatus,
} from '@tessera/api/domain/availability/occurrence-schemas';
export {
  AvailableSlot,
  SlotsInput,
  SlotsView,
} from '@tessera/api/domain/availability/slots-schemas';
export { SlotMonth, SlotMonthInput } from '@tessera/api/domain/appointments/slot-month-schemas';
export {
  CreateHoldInput,
  HoldId,
  HoldItemView,
  HoldView,
  OccurrenceHoldInput,
  SlotHoldInput,
} from '@tessera/api/domain/holds/schemas';
export {
  AttendeeInput,
  BookingStatus,
  BookingView,
  ByReferenceInput,
  CancelInput,
  CheckoutInput,
  CheckoutResult,
  Contact,
  PaymentView,
  Reference,
} from '@tessera/api/domain/bookings/schemas';
export { PriceQuote, QuoteInput } from '@tessera/api/domain/bookings/quote-schemas';
export { CancellationQuote } from '@tessera/api/domain/bookings/cancellation-quote-schemas';
export { JoinWaitlistInput, WaitlistEntryView } from '@tessera/api/domain/waitlist/schemas';
export { RoomTokenView } from '@tessera/api/domain/realtime/schemas';
export { AvailabilityEvent, BookingStatusEvent } from '@tessera/api/realtime';

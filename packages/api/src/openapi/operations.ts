import type { RouterInputs } from '../router';
import type { ServerApi as Api } from '../server-caller';
type In = RouterInputs;

export interface RestOperation {
  method: 'GET' | 'POST' | 'DELETE';
  /** Under /api/v1; `{name}` segments become input fields. */
  path: string;
  /** The tRPC procedure it calls: its input and output schemas are the document's. */
  procedure: string;
  summary: string;
  /** Input validated again by the procedure itself; the cast only names the type. */
  call: (api: Api, input: unknown) => Promise<unknown>;
}

/** The public procedures as REST operations: the OpenAPI document and the REST routes read this. */
export const REST_OPERATIONS: readonly RestOperation[] = [
  {
    method: 'GET',
    path: '/catalog/offerings',
    procedure: 'catalog.offerings',
    summary: 'List published offerings (events, trips, appointments)',
    call: (api, input) => api.catalog.offerings(input as In['catalog']['offerings']),
  },
  {
    method: 'GET',
    path: '/catalog/offering',
    procedure: 'catalog.offering',
    summary: 'One offering with its ticket types',
    call: (api, input) => api.catalog.offering(input as In['catalog']['offering']),
  },
  {
    method: 'GET',
    path: '/catalog/occurrences',
    procedure: 'catalog.occurrences',
    summary: "An offering's upcoming dates",
    call: (api, input) => api.catalog.occurrences(input as In['catalog']['occurrences']),
  },
  {
    method: 'GET',
    path: '/catalog/trips',
    procedure: 'catalog.searchTrips',
    summary: 'Search departures between two places on a date',
    call: (api, input) => api.catalog.searchTrips(input as In['catalog']['searchTrips']),
  },
  {
    method: 'GET',
    path: '/catalog/stops',
    procedure: 'catalog.stops',
    summary: 'Stop and city suggestions',
    call: (api, input) => api.catalog.stops(input as In['catalog']['stops']),
  },
  {
    method: 'GET',
    path: '/availability/occurrence',
    procedure: 'availability.occurrence',
    summary: 'Places, ticket types and seats left on a date',
    call: (api, input) => api.availability.occurrence(input as In['availability']['occurrence']),
  },
  {
    method: 'GET',
    path: '/availability/slots',
    procedure: 'availability.slots',
    summary: 'Free appointment slots in a time range',
    call: (api, input) => api.availability.slots(input as In['availability']['slots']),
  },
  {
    method: 'GET',
    path: '/availability/slot-month',
    procedure: 'availability.slotMonth',
    summary: 'A month of free slots by day',
    call: (api, input) => api.availability.slotMonth(input as In['availability']['slotMonth']),
  },
  {
    method: 'POST',
    path: '/holds',
    procedure: 'holds.create',
    summary: 'Hold seats, tickets or a slot for a few minutes',
    call: (api, input) => api.holds.create(input as In['holds']['create']),
  },
  {
    method: 'GET',
    path: '/holds/{holdId}',
    procedure: 'holds.get',
    summary: 'A hold and when it expires',
    call: (api, input) => api.holds.get(input as In['holds']['get']),
  },
  {
    method: 'GET',
    path: '/holds/{holdId}/price',
    procedure: 'holds.price',
    summary: 'What checkout would charge, with a promo code tried',
    call: (api, input) => api.holds.price(input as In['holds']['price']),
  },
  {
    method: 'DELETE',
    path: '/holds/{holdId}',
    procedure: 'holds.release',
    summary: 'Give a hold back',
    call: (api, input) => api.holds.release(input as In['holds']['release']),
  },
  {
    method: 'POST',
    path: '/bookings',
    procedure: 'bookings.checkout',
    summary: 'Book what a hold holds',
    call: (api, input) => api.bookings.checkout(input as In['bookings']['checkout']),
  },
  {
    method: 'GET',
    path: '/bookings/{reference}',
    procedure: 'bookings.byReference',
    summary: 'A booking by its reference and email',
    call: (api, input) => api.bookings.byReference(input as In['bookings']['byReference']),
  },
  {
    method: 'GET',
    path: '/bookings/{reference}/cancellation-quote',
    procedure: 'bookings.cancellationQuote',
    summary: 'What cancelling would refund',
    call: (api, input) =>
      api.bookings.cancellationQuote(input as In['bookings']['cancellationQuote']),
  },
  {
    method: 'POST',
    path: '/bookings/{reference}/cancel',
    procedure: 'bookings.cancel',
    summary: 'Cancel a booking',
    call: (api, input) => api.bookings.cancel(input as In['bookings']['cancel']),
  },
  {
    method: 'POST',
    path: '/waitlist',
    procedure: 'waitlist.join',
    summary: 'Join the waiting list of a sold-out date',
    call: (api, input) => api.waitlist.join(input as In['waitlist']['join']),
  },
];

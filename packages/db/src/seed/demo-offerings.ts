/**
 * The demo catalog, one function per kind of inventory. Each runs inside seedDemo's
 * transaction; times are local wall times in the venue's zone, computed with Temporal.
 */
import {
  createAddOn,
  createOccurrence,
  createOffering,
  createResource,
  createSeatMap,
  createSegmentFares,
  createTicketType,
  createTripStops,
  createVenue,
  weeklyHours,
  type DbOrTx,
  type OccurrenceRow,
  type OfferingRow,
  type OrgRow,
  type ResourceRow,
  type TaxRateRow,
} from './factories';
import { addMinutes, daysFromNowAt } from './time';

export const DEMO_OFFERING_SLUGS = {
  reservedSeating: 'symphonie-fantastique',
  generalAdmission: 'jazz-a-la-villette',
  trip: 'algiers-oran-coach',
  appointment: 'tennis-court-hour',
  otherOrgEvent: 'lyon-open-air',
} as const;

export interface DemoContext {
  org: OrgRow;
  now: Date;
  taxRate?: TaxRateRow;
}

export interface SeededOffering {
  offering: OfferingRow;
  occurrences: OccurrenceRow[];
}

const PARIS = 'Europe/Paris';
const ALGIERS = 'Africa/Algiers';

/** Reserved seating: 348 seats in three sections and three price categories. */
export async function seedReservedSeatingEvent(db: DbOrTx, { org, now, taxRate }: DemoContext): Promise<SeededOffering> {
  const venue = await createVenue(db, {
    org,
    name: 'Salle Pleyel',
    addressLine: '252 Rue du Faubourg Saint-Honoré',
    city: 'Paris',
    country: 'FR',
    timeZone: PARIS,
  });
  const { seatMap } = await createSeatMap(db, {
    org,
    venue,
    name: 'Salle Pleyel — concert layout',
    sections: [
      {
        name: 'Orchestra',
        rows: 12,
        seatsPerRow: 16,
        aisleAfter: [3, 11],
        category: (seat) => (seat.rowIndex < 6 ? 'premium' : 'standard'),
        // Wheelchair places at both ends of the last row, next to the doors.
        accessible: (seat) => seat.rowLabel === 'L' && ['1', '2', '15', '16'].includes(seat.number),
        // The sound desk takes the middle of the last row.
        blocked: (seat) => seat.rowLabel === 'L' && ['7', '8', '9', '10'].includes(seat.number),
      },
      {
        name: 'Mezzanine',
        rows: 6,
        seatsPerRow: 14,
        aisleAfter: [6],
        category: 'standard',
        accessible: (seat) => seat.rowLabel === 'A' && ['1', '14'].includes(seat.number),
        blocked: (seat) => seat.rowLabel === 'F' && ['7', '8'].includes(seat.number), // camera platform
      },
      { name: 'Balcony', rows: 6, seatsPerRow: 12, aisleAfter: [5], category: 'economy' },
    ],
  });
  const offering = await createOffering(db, {
    org,
    kind: 'event',
    venue,
    taxRate,
    slug: DEMO_OFFERING_SLUGS.reservedSeating,
    name: 'Symphonie fantastique',
    description: 'Berlioz by the Orchestre de Paris. Reserved seating: choose your seats on the map.',
    cancellationCutoffHours: 48,
  });
  const tiers = [
    { name: 'Premium', seatCategory: 'premium', priceAmount: 8500 },
    { name: 'Standard', seatCategory: 'standard', priceAmount: 5500 },
    { name: 'Economy', seatCategory: 'economy', priceAmount: 3000 },
  ];
  for (const [sortOrder, tier] of tiers.entries()) {
    await createTicketType(db, { offering, ...tier, sortOrder, maxPerOrder: 8 });
  }
  const occurrences: OccurrenceRow[] = [];
  for (const days of [7, 14, 21, 28]) {
    const startsAt = daysFromNowAt(now, days, '20:00', PARIS);
    occurrences.push(await createOccurrence(db, { offering, seatMap, startsAt, durationMinutes: 150 }));
  }
  return { offering, occurrences };
}

/** General admission: a small early-bird quota and a standard quota, capacity on the dates. */
export async function seedGeneralAdmissionEvent(db: DbOrTx, { org, now, taxRate }: DemoContext): Promise<SeededOffering> {
  const venue = await createVenue(db, {
    org,
    name: 'Parc de la Villette — Grande Halle',
    addressLine: '211 Avenue Jean Jaurès',
    city: 'Paris',
    country: 'FR',
    timeZone: PARIS,
  });
  const offering = await createOffering(db, {
    org,
    kind: 'event',
    venue,
    taxRate,
    slug: DEMO_OFFERING_SLUGS.generalAdmission,
    name: 'Jazz à la Villette',
    description: 'An evening of jazz in the Grande Halle. General admission, standing.',
  });
  await createTicketType(db, { offering, name: 'Early bird', priceAmount: 1900, quotaPerOccurrence: 20, maxPerOrder: 4, sortOrder: 0 });
  await createTicketType(db, { offering, name: 'Standard', priceAmount: 2900, quotaPerOccurrence: 300, sortOrder: 1 });
  await createAddOn(db, { offering, name: 'Festival tote bag', priceAmount: 1200, stock: 150, maxPerOrder: 4 });
  const occurrences: OccurrenceRow[] = [];
  for (const days of [10, 17, 24]) {
    const startsAt = daysFromNowAt(now, days, '19:30', PARIS);
    occurrences.push(await createOccurrence(db, { offering, startsAt, durationMinutes: 180, capacity: 320 }));
  }
  return { offering, occurrences };
}

const ROUTE_MINUTES = 300;

/** A coach Algiers -> Blida -> Oran: 49 seats, segment fares, a departure at 08:00 daily. */
export async function seedCoachTrip(db: DbOrTx, { org, now }: DemoContext): Promise<SeededOffering> {
  const venue = await createVenue(db, {
    org,
    name: 'Gare routière du Caroubier',
    city: 'Algiers',
    country: 'DZ',
    timeZone: ALGIERS,
  });
  const { seatMap } = await createSeatMap(db, {
    org,
    venue,
    name: 'Coach — 49 seats',
    sections: [
      {
        name: 'Coach',
        rows: 13,
        // 12 rows of 2 + 2 seats across the aisle, then the rear bench's middle seat 13E.
        seatsPerRow: (row) => (row < 12 ? 4 : 1),
        rowLabel: (row) => String(row + 1),
        seatLabel: (row, seat) => (row < 12 ? ('ABCD'[seat] ?? '?') : 'E'),
        aisleAfter: [1],
        column: (row, seat) => (row < 12 ? seat + (seat > 1 ? 1 : 0) : 2),
        category: 'standard',
        accessible: (seat) => seat.rowLabel === '1' && (seat.number === 'A' || seat.number === 'B'),
      },
    ],
  });
  const offering = await createOffering(db, {
    org,
    kind: 'trip',
    venue,
    slug: DEMO_OFFERING_SLUGS.trip,
    name: 'Algiers → Oran coach',
    description: 'Daily coach from Algiers to Oran, calling at Blida. Choose your seat.',
    attendeeFields: ['name'],
    cancellationCutoffHours: 24,
  });
  const [algiers, blida, oran] = await createTripStops(db, {
    offering,
    stops: [
      { name: 'Algiers — Caroubier', city: 'Algiers', timeZone: ALGIERS, departureOffsetMinutes: 0 },
      { name: 'Blida', city: 'Blida', timeZone: ALGIERS, arrivalOffsetMinutes: 60, departureOffsetMinutes: 70 },
      { name: 'Oran', city: 'Oran', timeZone: ALGIERS, arrivalOffsetMinutes: ROUTE_MINUTES },
    ],
  });
  if (!algiers || !blida || !oran) throw new Error('trip stops were not inserted');
  const fares = [
    { name: 'Adult', whole: 3500, algiersBlida: 800, blidaOran: 3000 },
    { name: 'Child', whole: 2000, algiersBlida: 500, blidaOran: 1700 },
  ];
  for (const [sortOrder, fare] of fares.entries()) {
    const ticketType = await createTicketType(db, { offering, name: fare.name, priceAmount: fare.whole, sortOrder });
    await createSegmentFares(db, {
      ticketType,
      fares: [
        { origin: algiers, destination: oran, priceAmount: fare.whole },
        { origin: algiers, destination: blida, priceAmount: fare.algiersBlida },
        { origin: blida, destination: oran, priceAmount: fare.blidaOran },
      ],
    });
  }
  await createAddOn(db, { offering, name: 'Extra luggage', description: 'One extra bag in the hold, up to 23 kg.', priceAmount: 600, perItem: true, maxPerOrder: 4 });
  const occurrences: OccurrenceRow[] = [];
  for (let day = 1; day <= 30; day += 1) {
    const startsAt = daysFromNowAt(now, day, '08:00', ALGIERS);
    occurrences.push(await createOccurrence(db, { offering, seatMap, startsAt, endsAt: addMinutes(startsAt, ROUTE_MINUTES) }));
  }
  return { offering, occurrences };
}

/** Appointments: two courts in a zone with DST, weekly hours, 60-minute slots. */
export async function seedTennisCourts(
  db: DbOrTx,
  { org, taxRate }: DemoContext,
): Promise<{ offering: OfferingRow; resources: ResourceRow[] }> {
  const venue = await createVenue(db, {
    org,
    name: 'Tennis Club du Bois',
    addressLine: 'Route des Lacs',
    city: 'Paris',
    country: 'FR',
    timeZone: PARIS,
  });
  const hours = weeklyHours({ 'mon-fri': ['08:00', '22:00'], 'sat-sun': ['09:00', '20:00'] });
  const resources: ResourceRow[] = [];
  for (const name of ['Court 1', 'Court 2']) {
    const { resource } = await createResource(db, { org, venue, kind: 'court', name, timeZone: PARIS, hours });
    resources.push(resource);
  }
  const offering = await createOffering(db, {
    org,
    kind: 'appointment',
    venue,
    taxRate,
    slug: DEMO_OFFERING_SLUGS.appointment,
    name: 'Tennis court — 1 hour',
    description: 'Book a clay court for an hour. Any free court is assigned.',
    slotMinutes: 60,
    bufferAfterMinutes: 10,
    minNoticeMinutes: 60,
    horizonDays: 60,
    maxPerOrder: 1,
    resources,
  });
  await createTicketType(db, { offering, name: 'Court hour', priceAmount: 2400, maxPerOrder: 1 });
  return { offering, resources };
}

/** The second tenant's only event, so isolation can be seen in the apps. */
export async function seedOtherOrgEvent(db: DbOrTx, { org, now }: DemoContext): Promise<SeededOffering> {
  const venue = await createVenue(db, { org, name: 'Le Transbordeur', city: 'Lyon', country: 'FR', timeZone: PARIS });
  const offering = await createOffering(db, {
    org,
    kind: 'event',
    venue,
    slug: DEMO_OFFERING_SLUGS.otherOrgEvent,
    name: 'Lyon open-air night',
  });
  await createTicketType(db, { offering, name: 'General admission', priceAmount: 2000 });
  const startsAt = daysFromNowAt(now, 15, '21:00', PARIS);
  const occurrence = await createOccurrence(db, { offering, startsAt, durationMinutes: 240, capacity: 200 });
  return { offering, occurrences: [occurrence] };
}

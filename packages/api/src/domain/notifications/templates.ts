/**
 * What the platform tells a person, as subject + plain text + HTML. Pure functions of the
 * facts loaded by `facts.ts`, so a template change is tested without a database.
 */

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export interface BookingFacts {
  reference: string;
  contactName: string;
  contactEmail: string;
  /** Where text messages go; null when the customer gave no phone number. */
  contactPhone: string | null;
  status: 'pending_payment' | 'confirmed' | 'cancelled' | 'refunded' | 'expired';
  orgName: string;
  offeringName: string;
  venueName: string | null;
  /** When it starts (an occurrence, or the first slot of an appointment). */
  startsAt: Date | null;
  /** IANA zone the customer reads the time in (the venue's). */
  timeZone: string;
  totalAmount: number;
  /** What was paid so far: the confirmation of a paid booking says it (it is the receipt). */
  paidAmount: number;
  currency: string;
}

export type BookingMessageType =
  | 'booking.confirmed'
  | 'booking.cancelled'
  | 'booking.moved'
  | 'booking.payment_failed'
  | 'booking.late_payment_refunded'
  | 'booking.expired'
  | 'booking.payment_received'
  | 'booking.refunded'
  | 'booking.reminder';

/** The reminders sent before a booking starts (domain/notifications/reminders.ts). */
export type ReminderWindow = '24h' | '2h';

/** Event details that are not in the booking row (amounts paid or refunded, why a payment failed). */
export interface BookingMessageExtras {
  refundAmount?: number;
  /** The payment received. */
  amount?: number;
  /** The payment received is the one that confirmed the booking (the confirmation says it). */
  confirmedBooking?: boolean;
  /** Why a payment failed; 'superseded': a refunded payment made through a replaced link. */
  reason?: string;
  /** A move: new total minus old (negative: refunded, positive: owed). */
  priceDifference?: number;
  reminder?: ReminderWindow;
  /** The confirmation carries the tickets PDF and the calendar file. */
  ticketsAttached?: boolean;
}

/** "Saturday 28 November 2026, 20:00 (Europe/Paris)": the venue's wall time, zone named. */
export function formatWhen(date: Date, timeZone: string): string {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${local} (${timeZone})`;
}

/** Integer minor units to "€12.50"; the currency decides how many decimals it has. */
export function formatMoney(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

interface Layout {
  subject: string;
  greeting: string;
  lead: string;
  details: [label: string, value: string][];
  closing: string;
}

/** Greeting, lead, details table and closing, signed by `orgName`: every email's shape. */
export function layout(
  { subject, greeting, lead, details, closing }: Layout,
  orgName: string,
): RenderedMessage {
  const text = [
    greeting,
    '',
    lead,
    '',
    ...details.map(([label, value]) => `${label}: ${value}`),
    '',
    closing,
    '',
    `— ${orgName}`,
  ].join('\n');
  const rows = details
    .map(
      ([label, value]) =>
        `<tr><th align="left" style="padding:4px 12px 4px 0">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;color:#111">',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(lead)}</p>`,
    `<table role="presentation">${rows}</table>`,
    `<p>${escapeHtml(closing)}</p>`,
    `<p>— ${escapeHtml(orgName)}</p>`,
    '</body></html>',
  ].join('');
  return { subject, text, html };
}

function bookingDetails(facts: BookingFacts): [string, string][] {
  const details: [string, string][] = [
    ['Booking reference', facts.reference],
    ['What', facts.offeringName],
  ];
  if (facts.startsAt) details.push(['When', formatWhen(facts.startsAt, facts.timeZone)]);
  if (facts.venueName) details.push(['Where', facts.venueName]);
  return details;
}

export function renderBookingMessage(
  type: BookingMessageType,
  facts: BookingFacts,
  extras: BookingMessageExtras = {},
): RenderedMessage {
  const greeting = `Hello ${facts.contactName},`;
  const details = bookingDetails(facts);
  const what = facts.offeringName;
  switch (type) {
    case 'booking.confirmed':
      return layout(
        {
          subject: `Booking ${facts.reference} confirmed: ${what}`,
          greeting,
          lead: `Your booking ${facts.reference} is confirmed.`,
          details: [
            ...details,
            ['Total', formatMoney(facts.totalAmount, facts.currency)],
            ...(facts.paidAmount > 0
              ? [['Paid', formatMoney(facts.paidAmount, facts.currency)] as [string, string]]
              : []),
          ],
          closing: extras.ticketsAttached
            ? 'Your tickets are attached (PDF): show the QR code of each at the entrance. The calendar file adds the date to your calendar. Keep this reference to manage your booking.'
            : 'Keep this reference: you will need it to manage your booking.',
        },
        facts.orgName,
      );
    case 'booking.cancelled': {
      const refund = extras.refundAmount ?? 0;
      return layout(
        {
          subject: `Booking ${facts.reference} cancelled: ${what}`,
          greeting,
          lead: `Your booking ${facts.reference} has been cancelled.`,
          details:
            refund > 0 ? [...details, ['Refund', formatMoney(refund, facts.currency)]] : details,
          closing:
            refund > 0
              ? 'The refund goes back to the card you paid with; banks take a few days to show it.'
              : 'No payment was taken for this booking, so there is nothing to refund.',
        },
        facts.orgName,
      );
    }
    case 'booking.moved': {
      const difference = extras.priceDifference ?? 0;
      const money: [string, string][] =
        difference < 0
          ? [['Refund', formatMoney(-difference, facts.currency)]]
          : difference > 0
            ? [['Still to pay', formatMoney(difference, facts.currency)]]
            : [];
      return layout(
        {
          subject: `Booking ${facts.reference} changed: ${what}`,
          greeting,
          lead: `Your booking ${facts.reference} was moved to other seats. Here it is as it stands now.`,
          details: [
            ...details,
            ['Total', formatMoney(facts.totalAmount, facts.currency)],
            ...money,
          ],
          closing: extras.ticketsAttached
            ? 'Your new tickets are attached (PDF): the earlier tickets no longer admit anyone.'
            : 'Your new tickets are on your booking page: the earlier tickets no longer admit anyone.',
        },
        facts.orgName,
      );
    }
    case 'booking.payment_failed':
      return layout(
        {
          subject: `Payment for booking ${facts.reference} did not go through`,
          greeting,
          lead: `The payment for your booking ${facts.reference} failed${extras.reason ? `: ${extras.reason}` : '.'}`,
          details,
          closing:
            'Your places are still held for a short while: you can try again with another card from the payment page.',
        },
        facts.orgName,
      );
    case 'booking.late_payment_refunded':
      return layout(
        {
          subject: `Booking ${facts.reference}: payment refunded`,
          greeting,
          lead:
            extras.reason === 'superseded'
              ? `Your payment for booking ${facts.reference} was made through a payment link that a newer one had replaced, so it was not needed.`
              : `Your payment for booking ${facts.reference} arrived after your places were released, so we could not confirm it.`,
          details: [
            ...details,
            ['Refunded', formatMoney(extras.refundAmount ?? facts.totalAmount, facts.currency)],
          ],
          closing:
            extras.reason === 'superseded'
              ? 'The full amount has been refunded automatically; banks take a few days to show it. If anything is still owed, the latest link we sent you is the one to use.'
              : 'The full amount has been refunded automatically; banks take a few days to show it. You are welcome to book again.',
        },
        facts.orgName,
      );
    case 'booking.payment_received':
      return layout(
        {
          subject: `Payment received for booking ${facts.reference}`,
          greeting,
          lead: `We received your payment for booking ${facts.reference}. Thank you.`,
          details: [
            ...details,
            ['Amount paid', formatMoney(extras.amount ?? facts.totalAmount, facts.currency)],
          ],
          closing: 'This email is your receipt.',
        },
        facts.orgName,
      );
    case 'booking.refunded':
      return layout(
        {
          subject: `Booking ${facts.reference}: refund sent`,
          greeting,
          lead: `We have refunded ${formatMoney(extras.refundAmount ?? 0, facts.currency)} for your booking ${facts.reference}.`,
          details,
          closing:
            'The money goes back to the card you paid with; banks take a few days to show it.',
        },
        facts.orgName,
      );
    case 'booking.reminder':
      return layout(
        {
          subject: `Reminder: ${what} ${extras.reminder === '2h' ? 'starts in 2 hours' : 'is tomorrow'}`,
          greeting,
          lead: `A reminder of your booking ${facts.reference}: ${what} ${extras.reminder === '2h' ? 'starts in about 2 hours' : 'is in about 24 hours'}.`,
          details,
          closing:
            'Bring your tickets (the PDF from your confirmation email, or the booking page) and arrive a little early.',
        },
        facts.orgName,
      );
    case 'booking.expired':
      return layout(
        {
          subject: `Booking ${facts.reference} expired: not paid in time`,
          greeting,
          lead: `Your booking ${facts.reference} expired because it was not paid in time, and its places were released.`,
          details,
          closing: 'No money was taken. You are welcome to book again.',
        },
        facts.orgName,
      );
  }
}

export interface WaitlistFacts {
  email: string;
  name: string | null;
  quantity: number;
  orgName: string;
  offeringName: string;
  venueName: string | null;
  startsAt: Date;
  timeZone: string;
}

export function renderWaitlistJoined(facts: WaitlistFacts): RenderedMessage {
  const details: [string, string][] = [
    ['What', facts.offeringName],
    ['When', formatWhen(facts.startsAt, facts.timeZone)],
  ];
  if (facts.venueName) details.push(['Where', facts.venueName]);
  details.push(['Places', String(facts.quantity)]);
  return layout(
    {
      subject: `You are on the waiting list: ${facts.offeringName}`,
      greeting: facts.name ? `Hello ${facts.name},` : 'Hello,',
      lead: 'You are on the waiting list for this date. We will email you if places become available.',
      details,
      closing: 'You do not need to do anything else for now.',
    },
    facts.orgName,
  );
}

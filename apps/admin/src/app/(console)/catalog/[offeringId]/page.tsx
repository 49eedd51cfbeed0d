import { Badge, Card, PageHeader, formatDateTime, formatMoney } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { catalogAccess } from '~/lib/catalog-access';
import { CatalogItemList } from './catalog-item-list';
import { AddOnForm, PriceRuleForm, PromoCodeForm } from './extras-forms';
import { RowAction } from '~/components/row-action';
import { cancelDate } from './date-actions';
import { OneDateForm } from './one-date-form';
import { SeriesForm } from './series-form';
import { SettingsForm } from './settings-form';
import { TicketTypeForm } from './ticket-type-form';

export const metadata: Metadata = { title: 'Offering' };

/** "From 80% sold", "From 24 hours before the start". */
const describeRule = (rule: { kind: string; threshold: number }) =>
  rule.kind === 'occupancy'
    ? `From ${rule.threshold}% sold`
    : `From ${rule.threshold} hours before the start`;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** An offering as staff manage it: settings, ticket types, route, dates and new dates in series. */
export default async function OfferingPage({
  params,
}: {
  params: Promise<{ offeringId: string }>;
}) {
  const access = await catalogAccess();
  if ('denied' in access) return access.denied;
  const { offeringId } = await params;
  let offering, extras, seatMaps, taxRates;
  try {
    [offering, extras, seatMaps, taxRates] = await Promise.all([
      access.api.staff.catalog.offering({ offeringId }),
      access.api.staff.catalog.extras({ offeringId }),
      access.api.staff.seatMaps.list(),
      // Those who edit the catalog (owners, managers) also read the org's settings.
      access.mayWrite ? access.api.staff.settings.taxRates() : [],
    ]);
  } catch (error) {
    if (error instanceof TRPCError && ['NOT_FOUND', 'BAD_REQUEST'].includes(error.code)) notFound();
    throw error;
  }
  // Appointments sell time slots, never seats.
  const dateSeatMaps = offering.kind === 'appointment' ? [] : seatMaps;

  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        title={offering.name}
        description={`${offering.kind} · /${offering.slug} · times in ${offering.timeZone}`}
      />
      <Section id="settings" title="Status and cancellation policy">
        <Card>
          {access.mayWrite ? (
            <SettingsForm
              offeringId={offering.id}
              status={offering.status}
              cancellationCutoffHours={offering.cancellationCutoffHours}
              taxRateId={offering.taxRateId}
              taxRates={taxRates}
            />
          ) : (
            <p className="text-slate-800">
              <Badge>{offering.status}</Badge>{' '}
              {offering.cancellationCutoffHours === null
                ? 'Customers may cancel online until the start.'
                : `Customers may cancel until ${offering.cancellationCutoffHours} hours before the start.`}
            </p>
          )}
        </Card>
      </Section>

      {offering.stops.length ? (
        <Section id="route" title="Route">
          <Card>
            <ol className="flex flex-col gap-1 text-slate-800">
              {offering.stops.map((stop) => (
                <li key={stop.name}>
                  {stop.name} ({stop.city}, {stop.timeZone}) — {stop.offsetMinutes} min after
                  departure
                </li>
              ))}
            </ol>
          </Card>
        </Section>
      ) : null}

      <Section id="ticket-types" title="Ticket types">
        <Card>
          {offering.ticketTypes.length ? (
            <CatalogItemList
              label="Ticket types"
              offeringId={offering.id}
              items={offering.ticketTypes.map((type) => ({
                kind: 'ticket_type',
                id: type.id,
                name: `ticket type ${type.name}`,
                active: type.active,
                summary: (
                  <>
                    {type.name}:{' '}
                    {formatMoney({ amount: type.priceAmount, currency: type.currency })}
                    {type.quotaPerOccurrence !== null
                      ? `, ${type.quotaPerOccurrence} per date`
                      : ''}
                    {type.seatCategory ? `, ${type.seatCategory} seats` : ''}, up to{' '}
                    {type.maxPerOrder} per order
                  </>
                ),
                editForm: access.mayWrite ? (
                  <TicketTypeForm
                    offeringId={offering.id}
                    currency={offering.currency}
                    timeZone={offering.timeZone}
                    ticketType={type}
                  />
                ) : null,
              }))}
            />
          ) : (
            <p className="mb-4 text-slate-700">No ticket type yet.</p>
          )}
          {access.mayWrite ? (
            <TicketTypeForm
              offeringId={offering.id}
              currency={offering.currency}
              timeZone={offering.timeZone}
            />
          ) : null}
        </Card>
      </Section>

      <Section id="pricing" title="Price rules, promo codes and add-ons">
        <Card>
          <CatalogItemList
            label="Price rules and offers"
            offeringId={offering.id}
            items={[
              ...extras.priceRules.map((rule) => ({
                kind: 'price_rule' as const,
                id: rule.id,
                name: `price rule ${describeRule(rule)}`,
                active: true,
                summary: `${describeRule(rule)}: ${
                  rule.adjustmentKind === 'percent_bp'
                    ? `${rule.adjustmentValue > 0 ? '+' : ''}${rule.adjustmentValue / 100}%`
                    : formatMoney({ amount: rule.adjustmentValue, currency: offering.currency })
                }`,
                editForm: access.mayWrite ? (
                  <PriceRuleForm
                    offeringId={offering.id}
                    currency={offering.currency}
                    rule={rule}
                  />
                ) : null,
              })),
              ...extras.promoCodes.map((promo) => ({
                kind: 'promo_code' as const,
                id: promo.id,
                name: `promo code ${promo.code}`,
                active: promo.active,
                summary: `Code ${promo.code}: ${
                  promo.discountKind === 'percent_bp'
                    ? `${promo.discountValue / 100}% off`
                    : `${formatMoney({ amount: promo.discountValue, currency: offering.currency })} off`
                }, used ${promo.redeemedCount}${promo.maxRedemptions === null ? '' : ` of ${promo.maxRedemptions}`}`,
                editForm: access.mayWrite ? (
                  <PromoCodeForm
                    offeringId={offering.id}
                    currency={offering.currency}
                    promo={promo}
                  />
                ) : null,
              })),
              ...extras.addOns.map((addOn) => ({
                kind: 'add_on' as const,
                id: addOn.id,
                name: `add-on ${addOn.name}`,
                active: addOn.active,
                summary: `Add-on ${addOn.name}: ${formatMoney({ amount: addOn.priceAmount, currency: addOn.currency })}${
                  addOn.perItem ? ' per ticket' : ''
                }${addOn.stock === null ? '' : `, ${addOn.stock} in stock`}`,
                editForm: access.mayWrite ? (
                  <AddOnForm offeringId={offering.id} currency={offering.currency} addOn={addOn} />
                ) : null,
              })),
            ]}
          />
          {access.mayWrite ? (
            <div className="flex flex-col gap-6">
              <PriceRuleForm offeringId={offering.id} currency={offering.currency} />
              <PromoCodeForm offeringId={offering.id} currency={offering.currency} />
              <AddOnForm offeringId={offering.id} currency={offering.currency} />
            </div>
          ) : null}
        </Card>
      </Section>

      <Section id="dates" title={`Dates (${offering.upcomingOccurrences} upcoming)`}>
        {access.mayWrite ? (
          <Card>
            <h3 className="mb-3 font-semibold text-slate-900">Add one date</h3>
            <OneDateForm
              offeringId={offering.id}
              timeZone={offering.timeZone}
              seatMaps={dateSeatMaps}
            />
          </Card>
        ) : null}
        {access.mayWrite ? (
          <Card>
            <h3 className="mb-3 font-semibold text-slate-900">Add dates in series</h3>
            <SeriesForm
              offeringId={offering.id}
              timeZone={offering.timeZone}
              seatMaps={dateSeatMaps}
            />
          </Card>
        ) : null}
        <Card>
          {offering.occurrences.length ? (
            <ol className="grid gap-1 text-sm text-slate-800 sm:grid-cols-2" aria-label="Dates">
              {offering.occurrences.map((occurrence) => (
                <li key={occurrence.id} className="flex flex-wrap items-center gap-2">
                  <span>
                    {formatDateTime(occurrence.startsAt, offering.timeZone)} · {occurrence.capacity}{' '}
                    places{occurrence.status === 'scheduled' ? '' : ` · ${occurrence.status}`}
                  </span>
                  {access.mayWrite && occurrence.status === 'scheduled' ? (
                    <RowAction
                      action={cancelDate}
                      fields={{ occurrenceId: occurrence.id, offeringId: offering.id }}
                      label="Cancel date"
                      accessibleLabel={`Cancel date ${formatDateTime(occurrence.startsAt, offering.timeZone)}`}
                    />
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-slate-700">No dates yet.</p>
          )}
        </Card>
      </Section>
    </div>
  );
}

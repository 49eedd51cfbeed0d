import { dbEnv } from '../env';
import { hashPassword } from '../passwords';
import {
  seedCoachTrip,
  seedGeneralAdmissionEvent,
  seedOtherOrgEvent,
  seedReservedSeatingEvent,
  seedTennisCourts,
  DEMO_OFFERING_SLUGS,
  type SeededOffering,
} from './demo-offerings';
import {
  addMembership,
  createOrg,
  createPromoCode,
  createTaxRate,
  createUser,
  type DbOrTx,
  type OfferingRow,
  type OrgRow,
  type ResourceRow,
  type Role,
  type UserRow,
} from './factories';

/** What the demo contains, for tests, Playwright and the login hints printed by db:seed. */
export const DEMO = {
  password: 'tessera-demo',
  orgSlug: 'demo',
  otherOrgSlug: 'other',
  staff: {
    owner: 'owner@demo.test',
    manager: 'manager@demo.test',
    agent: 'agent@demo.test',
    checkin: 'checkin@demo.test',
    auditor: 'auditor@demo.test',
  } satisfies Record<Role, string>,
  customer: 'customer@demo.test',
  otherOwner: 'owner@other.test',
  offerings: DEMO_OFFERING_SLUGS,
  promoCode: 'WELCOME10',
} as const;

/**
 * The demo creates accounts whose password is published in the README: it must never
 * reach a production database.
 */
export function assertDemoSeedAllowed(nodeEnv: string): void {
  if (nodeEnv === 'production') {
    throw new Error(
      'Refusing to seed demo data with NODE_ENV=production: the demo accounts share a published password.',
    );
  }
}

export interface SeedDemoOptions {
  /** Dates are placed relative to this instant (all in its future). */
  now?: Date;
}

export interface DemoSeed {
  org: OrgRow;
  otherOrg: OrgRow;
  users: Record<Role | 'customer' | 'otherOwner', UserRow>;
  reservedSeating: SeededOffering;
  generalAdmission: SeededOffering;
  trip: SeededOffering;
  appointment: { offering: OfferingRow; resources: ResourceRow[] };
  otherOrgEvent: SeededOffering;
}

/** Seeds the demo tenants and catalog in one transaction: all of it, or nothing. */
export async function seedDemo(db: DbOrTx, { now = new Date() }: SeedDemoOptions = {}): Promise<DemoSeed> {
  assertDemoSeedAllowed(dbEnv.NODE_ENV);

  const people = [
    ...Object.entries(DEMO.staff).map(([role, email]) => ({ key: role as Role, email, org: 'demo' as const })),
    { key: 'customer' as const, email: DEMO.customer, org: null },
    { key: 'otherOwner' as const, email: DEMO.otherOwner, org: 'other' as const },
  ];
  // Hashing is the slow part (argon2id); done before the transaction opens, one salt each.
  const hashes = await Promise.all(people.map(() => hashPassword(DEMO.password)));

  return db.transaction().execute(async (trx) => {
    const org = await createOrg(trx, {
      name: 'Tessera Demo',
      slug: DEMO.orgSlug,
      currency: 'EUR',
      timeZone: 'Europe/Paris',
      contactEmail: 'hello@demo.test',
    });
    const otherOrg = await createOrg(trx, {
      name: 'Other Events',
      slug: DEMO.otherOrgSlug,
      currency: 'EUR',
      timeZone: 'Europe/Paris',
    });

    const users: Partial<DemoSeed['users']> = {};
    for (const [index, person] of people.entries()) {
      const user = await createUser(trx, {
        email: person.email,
        name: displayName(person.email),
        passwordHash: hashes[index],
      });
      users[person.key] = user;
      if (person.org === 'demo') await addMembership(trx, { org, user, role: person.key });
      if (person.org === 'other') await addMembership(trx, { org: otherOrg, user, role: 'owner' });
    }

    const culturalVat = await createTaxRate(trx, { org, name: 'TVA 5,5 %', rateBasisPoints: 550 });
    const standardVat = await createTaxRate(trx, { org, name: 'TVA 20 %', rateBasisPoints: 2000 });
    const reservedSeating = await seedReservedSeatingEvent(trx, { org, now, taxRate: culturalVat });
    const generalAdmission = await seedGeneralAdmissionEvent(trx, { org, now, taxRate: culturalVat });
    const trip = await seedCoachTrip(trx, { org, now });
    const appointment = await seedTennisCourts(trx, { org, now, taxRate: standardVat });
    await createPromoCode(trx, { org, code: DEMO.promoCode, discountKind: 'percent_bp', discountValue: 1000 });
    const otherOrgEvent = await seedOtherOrgEvent(trx, { org: otherOrg, now });

    return {
      org,
      otherOrg,
      users: requireAll(users, people.map((person) => person.key)),
      reservedSeating,
      generalAdmission,
      trip,
      appointment,
      otherOrgEvent,
    };
  });
}

function displayName(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  const who = local.charAt(0).toUpperCase() + local.slice(1);
  return domain.startsWith('other') ? `Other ${who}` : `Demo ${who}`;
}

function requireAll<K extends string, V>(partial: Partial<Record<K, V>>, keys: readonly K[]): Record<K, V> {
  const complete = {} as Record<K, V>;
  for (const key of keys) {
    const value = partial[key];
    if (value === undefined) throw new Error(`demo seed: ${key} was not created`);
    complete[key] = value;
  }
  return complete;
}

import { hashPassword } from '../../passwords';
import type { DB } from '../../schema';
import { uniqueToken, type DbOrTx, type MembershipRow, type OrgRow, type UserRow } from './types';

export interface CreateOrgOptions {
  name?: string;
  slug?: string;
  currency?: string;
  timeZone?: string;
  holdMinutes?: number;
  contactEmail?: string | null;
}

export async function createOrg(db: DbOrTx, options: CreateOrgOptions = {}): Promise<OrgRow> {
  const token = uniqueToken();
  return db
    .insertInto('orgs')
    .values({
      name: options.name ?? `Org ${token}`,
      slug: options.slug ?? `org-${token}`,
      currency: options.currency ?? 'EUR',
      timeZone: options.timeZone ?? 'Europe/Paris',
      holdMinutes: options.holdMinutes,
      contactEmail: options.contactEmail ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface CreateUserOptions {
  email?: string;
  name?: string;
  phone?: string | null;
  /** Hashed with argon2id; without it (the default) the user cannot sign in with a password. */
  password?: string;
  /** An already computed hash, to hash a shared password once for many users. */
  passwordHash?: string;
  superadmin?: boolean;
  emailVerified?: boolean;
}

export async function createUser(db: DbOrTx, options: CreateUserOptions = {}): Promise<UserRow> {
  const token = uniqueToken();
  const passwordHash =
    options.passwordHash ?? (options.password === undefined ? null : await hashPassword(options.password));
  return db
    .insertInto('users')
    .values({
      email: (options.email ?? `user-${token}@tessera.test`).toLowerCase(),
      name: options.name ?? `User ${token}`,
      phone: options.phone ?? null,
      passwordHash,
      superadmin: options.superadmin ?? false,
      emailVerifiedAt: options.emailVerified === false ? null : new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type Role = DB['memberships']['role'];

export interface AddMembershipOptions {
  org: Pick<OrgRow, 'id'>;
  user: Pick<UserRow, 'id'>;
  role?: Role;
}

export async function addMembership(db: DbOrTx, options: AddMembershipOptions): Promise<MembershipRow> {
  return db
    .insertInto('memberships')
    .values({ orgId: options.org.id, userId: options.user.id, role: options.role ?? 'agent' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A user who belongs to the org with one role: the usual staff fixture. */
export async function createStaffUser(
  db: DbOrTx,
  options: CreateUserOptions & { org: Pick<OrgRow, 'id'>; role: Role },
): Promise<{ user: UserRow; membership: MembershipRow }> {
  const { org, role, ...userOptions } = options;
  const user = await createUser(db, userOptions);
  const membership = await addMembership(db, { org, user, role });
  return { user, membership };
}

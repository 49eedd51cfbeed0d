import { isRole, roleCan } from '@tessera/api/domain/access/permissions';
import { Alert } from '@tessera/ui';
import type { ReactNode } from 'react';
import { ConsoleHeader } from '~/components/console-header';
import { roleLabel } from '~/lib/labels';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';

/** Every console page: signed-in staff only, with the org and role they act under. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();

  const api = await serverApi();
  // Requests act in the user's first membership (the API's default without x-tessera-org).
  const [org] = await api.staff.orgs();
  const links = [
    { href: '/', label: 'Dashboard' },
    { href: '/upcoming', label: 'Upcoming' },
  ];
  const role = org && isRole(org.role) ? org.role : null;
  if (role && roleCan(role, 'bookings:read')) {
    links.push({ href: '/bookings', label: 'Bookings' });
    links.push({ href: '/waitlists', label: 'Waiting lists' });
  }
  if (role && roleCan(role, 'bookings:sell')) links.push({ href: '/sales/new', label: 'New sale' });
  if (role && roleCan(role, 'quotes:read')) links.push({ href: '/quotes', label: 'Quotes' });
  if (role && roleCan(role, 'catalog:read')) {
    links.push({ href: '/catalog', label: 'Catalog' });
    links.push({ href: '/venues', label: 'Venues' });
    links.push({ href: '/seat-maps', label: 'Seat maps' });
    links.push({ href: '/resources', label: 'Resources' });
  }
  if (role && roleCan(role, 'reports:read')) links.push({ href: '/reports', label: 'Reports' });
  if (role && roleCan(role, 'audit:read')) links.push({ href: '/audit', label: 'Audit log' });
  if (role && roleCan(role, 'webhooks:read')) links.push({ href: '/webhooks', label: 'Webhooks' });
  if (role && roleCan(role, 'jobs:manage')) links.push({ href: '/jobs', label: 'Failed jobs' });
  if (role && roleCan(role, 'org:read')) links.push({ href: '/settings', label: 'Settings' });
  if (role && roleCan(role, 'staff:read')) links.push({ href: '/settings/team', label: 'Team' });
  if (role && roleCan(role, 'messages:read'))
    links.push({ href: '/settings/outbox', label: 'Email outbox' });
  if (role && roleCan(role, 'settings:write'))
    links.push({ href: '/settings/api-keys', label: 'API keys' });

  return (
    <>
      <ConsoleHeader
        orgName={org?.name ?? null}
        role={org ? roleLabel(org.role) : null}
        userName={session.user.name ?? session.user.email ?? 'Signed in'}
        links={links}
      />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {org ? (
          children
        ) : (
          <Alert tone="warning" title="No operator access">
            Your account is no longer a member of any operator. Ask an owner to invite you again.
          </Alert>
        )}
      </main>
    </>
  );
}

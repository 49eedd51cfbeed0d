import { isRole, roleCan, type Permission } from '@tessera/api/domain/access/permissions';
import { Alert } from '@tessera/ui';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';

/**
 * A page's gate: `permission` to see it, else what the role is told; `may` decides which of
 * its controls show. The API refuses the same things whatever the page shows.
 */
export async function accessFor(permission: Permission, refusal: string) {
  await requireSession();
  const api = await serverApi();
  const [org] = await api.staff.orgs();
  const role = org && isRole(org.role) ? org.role : null;
  if (!role || !roleCan(role, permission))
    return {
      denied: (
        <Alert tone="warning" title="Not available to your role">
          {refusal}
        </Alert>
      ),
    };
  return { api, may: (other: Permission) => roleCan(role, other) };
}

import { isRole, roleCan } from '@tessera/api/domain/access/permissions';
import { Alert } from '@tessera/ui';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';

/** The catalog pages' gate: catalog:read to see them, catalog:write for their edit controls. */
export async function catalogAccess() {
  await requireSession();
  const api = await serverApi();
  const [org] = await api.staff.orgs();
  const role = org && isRole(org.role) ? org.role : null;
  if (!role || !roleCan(role, 'catalog:read'))
    return {
      denied: (
        <Alert tone="warning" title="Not available to your role">
          Your role does not see the catalog.
        </Alert>
      ),
    };
  return { api, mayWrite: roleCan(role, 'catalog:write') };
}

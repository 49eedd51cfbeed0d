import { isRole, roleCan } from '@tessera/api/domain/access/permissions';
import { Alert, Badge, Card, PageHeader, formatDateTime } from '@tessera/ui';
import type { Metadata } from 'next';
import { RowAction } from '~/components/row-action';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';
import { revokeApiKey } from './actions';
import { ApiKeyForm } from './api-key-form';

export const metadata: Metadata = { title: 'API keys' };

/** The org's API keys (owners): create one (shown once), see when each was last used, revoke. */
export default async function ApiKeysPage() {
  await requireSession();
  const api = await serverApi();
  const [org] = await api.staff.orgs();
  const role = org && isRole(org.role) ? org.role : null;
  if (!role || !roleCan(role, 'settings:write')) {
    return (
      <Alert tone="warning" title="Not available to your role">
        Only owners manage API keys: a key acts for the whole organisation.
      </Alert>
    );
  }
  const keys = await api.staff.apiKeys.list();

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for your own systems to call Tessera's API (see /developers on the booking site). Times in UTC."
      />
      {keys.length === 0 ? (
        <p className="mb-8 text-slate-700">No key yet.</p>
      ) : (
        <ul className="mb-8 flex flex-col gap-3" aria-label="API keys">
          {keys.map((key) => (
            <li key={key.id}>
              <Card>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">{key.name}</p>
                    <p className="font-mono text-sm text-slate-700">{key.prefix}…</p>
                    <p className="text-sm text-slate-700">
                      {key.scopes.join(', ')} · created {formatDateTime(key.createdAt, 'UTC')} ·{' '}
                      {key.lastUsedAt
                        ? `last used ${formatDateTime(key.lastUsedAt, 'UTC')}`
                        : 'never used'}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-3">
                    <Badge tone={key.revokedAt ? 'neutral' : 'success'}>
                      {key.revokedAt ? 'Revoked' : 'Active'}
                    </Badge>
                    {key.revokedAt ? null : (
                      <RowAction
                        action={revokeApiKey}
                        fields={{ apiKeyId: key.id }}
                        label="Revoke"
                        accessibleLabel={`Revoke ${key.name}`}
                      />
                    )}
                  </div>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="create-key">
        <h2 id="create-key" className="mb-3 text-lg font-semibold text-slate-900">
          Create a key
        </h2>
        <Card>
          <ApiKeyForm />
        </Card>
      </section>
    </>
  );
}

import { buttonClasses, Badge } from '@tessera/ui';
import { signOutToSignIn } from '~/server/auth-actions';

export function ConsoleHeader({
  orgName,
  role,
  userName,
}: {
  orgName: string | null;
  role: string | null;
  userName: string;
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex flex-wrap items-center gap-3">
          <span className="text-xl font-bold tracking-tight text-brand-800">Tessera console</span>
          {orgName ? (
            <span className="text-slate-800">
              <span className="sr-only">Organisation: </span>
              {orgName}
            </span>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <span className="text-sm text-slate-700">
            {userName}
            {role ? (
              <>
                {' '}
                <span className="sr-only">, role: </span>
                <Badge tone="brand">{role}</Badge>
              </>
            ) : null}
          </span>
          <form action={signOutToSignIn}>
            <button type="submit" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}

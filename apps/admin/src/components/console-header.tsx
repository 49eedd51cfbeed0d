import { buttonClasses, Badge } from '@tessera/ui';
import Link from 'next/link';
import { signOutToSignIn } from '~/server/auth-actions';

export interface ConsoleLink {
  href: string;
  label: string;
}

export function ConsoleHeader({
  orgName,
  role,
  userName,
  links,
}: {
  orgName: string | null;
  role: string | null;
  userName: string;
  /** The console's pages this role may open. */
  links: ConsoleLink[];
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
        {links.length > 1 ? (
          <nav aria-label="Console">
            <ul className="flex flex-wrap gap-1">
              {links.map((link) => (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    className={buttonClasses({ variant: 'ghost', size: 'sm' })}
                  >
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
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

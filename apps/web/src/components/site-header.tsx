import { buttonClasses } from '@tessera/ui';
import Link from 'next/link';
import { auth } from '~/server/auth';
import { signOutAndGoHome } from '~/server/auth-actions';

export async function SiteHeader() {
  const session = await auth();
  const user = session?.user;

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link
          href="/"
          className="rounded text-xl font-bold tracking-tight text-brand-800 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          Tessera
        </Link>
        <nav aria-label="Account" className="flex flex-wrap items-center gap-2">
          <Link href="/bookings" className={buttonClasses({ variant: 'ghost', size: 'sm' })}>
            {user ? 'My bookings' : 'Find a booking'}
          </Link>
          {user ? (
            <>
              <Link href="/account" className={buttonClasses({ variant: 'ghost', size: 'sm' })}>
                {user.name ?? 'Your account'}
              </Link>
              <form action={signOutAndGoHome}>
                <button
                  type="submit"
                  className={buttonClasses({ variant: 'secondary', size: 'sm' })}
                >
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/signin" className={buttonClasses({ variant: 'ghost', size: 'sm' })}>
                Sign in
              </Link>
              <Link href="/signup" className={buttonClasses({ variant: 'primary', size: 'sm' })}>
                Create account
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

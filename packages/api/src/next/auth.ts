import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authenticate } from '../domain/accounts/accounts';
import { SignInInput } from '../domain/accounts/schemas';
import { env } from '../env';
import { serverResources } from '../resources';

class InvalidCredentials extends CredentialsSignin {
  override code = 'invalid_credentials';
}

/** A customer tried the staff console: refused with its own code so the page can explain. */
class NotStaff extends CredentialsSignin {
  override code = 'not_staff';
}

export type AuthApp = 'web' | 'admin';

/**
 * next-auth for one of the two apps: email + password against `users`, JWT sessions.
 * Each app has its own session cookie, since both may run on one host (localhost:3000 and
 * :3001 share cookies): signing in to the console must not sign a customer in to the site.
 */
export function createAuth({ app }: { app: AuthApp }) {
  return NextAuth({
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: 'jwt', maxAge: app === 'admin' ? 12 * 60 * 60 : 30 * 24 * 60 * 60 },
    cookies: {
      sessionToken: { name: `tessera-${app}.session-token` },
      csrfToken: { name: `tessera-${app}.csrf-token` },
      callbackUrl: { name: `tessera-${app}.callback-url` },
    },
    pages: { signIn: '/signin' },
    providers: [
      Credentials({
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(raw) {
          const parsed = SignInInput.safeParse(raw);
          if (!parsed.success) throw new InvalidCredentials();
          const user = await authenticate(
            serverResources().db,
            parsed.data.email,
            parsed.data.password,
          );
          if (!user) throw new InvalidCredentials();
          if (app === 'admin' && !user.isStaff) throw new NotStaff();
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    ],
    callbacks: {
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  });
}

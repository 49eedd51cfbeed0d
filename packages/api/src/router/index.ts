import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { router } from '../trpc';
import { authRouter } from './auth';
import { bookingsRouter } from './bookings';
import { availabilityRouter } from './availability';
import { catalogRouter } from './catalog';
import { developerRouter } from './developer';
import { healthRouter } from './health';
import { holdsRouter } from './holds';
import { invitationsRouter } from './invitations';
import { quotesRouter } from './quotes';
import { staffRouter } from './staff';
import { waitlistRouter } from './waitlist';

export const appRouter = router({
  health: healthRouter,
  auth: authRouter,
  catalog: catalogRouter,
  availability: availabilityRouter,
  holds: holdsRouter,
  bookings: bookingsRouter,
  waitlist: waitlistRouter,
  staff: staffRouter,
  invitations: invitationsRouter,
  quotes: quotesRouter,
  developer: developerRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

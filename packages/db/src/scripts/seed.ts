/** Seeds the demo tenants into an empty database (`pnpm db:seed`); leaves existing data alone. */
import { createDb } from '../client';
import { dbEnv } from '../env';
import { printDemoSummary } from './summary';
import { DEMO, assertDemoSeedAllowed, seedDemo } from '../seed';

try {
  assertDemoSeedAllowed(dbEnv.NODE_ENV);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const db = createDb(dbEnv.DATABASE_URL, { max: 2 });
try {
  const existing = await db.selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  if (Number(existing.count) > 0) {
    console.log('database already has data; not seeding');
  } else {
    const started = performance.now();
    await seedDemo(db);
    console.log(`seeded the demo in ${Math.round(performance.now() - started)} ms`);
    await printDemoSummary(db);
    console.log(`\nDemo logins (password "${DEMO.password}"):`);
    for (const [role, email] of Object.entries(DEMO.staff)) console.log(`  ${role.padEnd(9)} ${email}`);
    console.log(`  customer  ${DEMO.customer}`);
    console.log(`  owner of "${DEMO.otherOrgSlug}": ${DEMO.otherOwner}`);
  }
} finally {
  await db.destroy();
}

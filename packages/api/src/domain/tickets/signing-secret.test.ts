import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { childProcessEnv } from '@tessera/db/testing';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const envModule = fileURLToPath(new URL('../../env.ts', import.meta.url));
const DEVELOPMENT_VALUE = 'tessera-development-ticket-key-do-not-use-in-production';

/** Loads the env module in a process of its own, as a server starts, and says what it read. */
async function startWith(overrides: Record<string, string>) {
  const script = `const { env } = await import(${JSON.stringify(envModule)}); console.log(env.TICKET_SIGNING_SECRET);`;
  return run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: childProcessEnv({
      DATABASE_URL: 'postgres://tessera@db.internal:5432/tessera',
      REDIS_URL: 'redis://redis.internal:6379',
      AUTH_SECRET: 'a-production-auth-secret-of-32-characters!',
      PUBLIC_SITE_URL: 'https://tickets.example.com',
      ...overrides,
    }),
  });
}

/** What the process said on stderr when it refused to start ('' if it started). */
const refusal = (overrides: Record<string, string>) =>
  startWith(overrides).then(
    () => '',
    (error: Error & { stderr?: string }) => error.stderr ?? error.message,
  );

describe('TICKET_SIGNING_SECRET', () => {
  it('has a development default', async () => {
    const { stdout } = await startWith({ NODE_ENV: 'development' });
    expect(stdout.trim()).toBe(DEVELOPMENT_VALUE);
  });

  it('is required in production, and the development value is refused there', async () => {
    expect(await refusal({ NODE_ENV: 'production' })).toMatch(/TICKET_SIGNING_SECRET/);
    expect(
      await refusal({ NODE_ENV: 'production', TICKET_SIGNING_SECRET: DEVELOPMENT_VALUE }),
    ).toMatch(/must not be the development value in production/);
  });
});

import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { testEnv } from '@tessera/db/testing';

export interface AppSuiteOptions {
  /** Port the built app is started on (`next start`), apart from the dev ports. */
  port: number;
  /** The suite's own database on the test server: recreated, migrated and seeded per run. */
  databaseName: string;
  /** Extra environment for the app server. */
  env?: Record<string, string>;
  /** Other processes the suite needs (e.g. the Stripe simulator), started before the tests. */
  extraServers?: ExtraServer[];
}

export interface ExtraServer {
  command: string;
  /** Ready when this port accepts connections. */
  port: number;
  env?: Record<string, string>;
  /** Run the command from this directory (the workspace root by default: pnpm filters work). */
  cwd?: string;
}

const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Signs realtime room tokens in the apps under test; the suites' gateways check with it. */
export const E2E_REALTIME_TOKEN_SECRET = 'e2e-only-realtime-secret-0123456789abcdef';

export function databaseUrl(name: string): string {
  const url = new URL(testEnv.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The Playwright setup both apps share: Debian's Chromium (never `playwright install`:
 * no machine here downloads browsers), the built app against a fresh demo database,
 * traces kept on failure.
 */
export function defineAppSuite({
  port,
  databaseName,
  env = {},
  extraServers = [],
}: AppSuiteOptions) {
  const baseURL = `http://127.0.0.1:${port}`;
  const ci = testEnv.CI;
  return defineConfig({
    testDir: './e2e',
    fullyParallel: true,
    forbidOnly: ci,
    retries: ci ? 1 : 0,
    workers: 2,
    // Functional checks, not speed tests (those are the benchmarks): a production build on a
    // busy two-core machine can take more than Playwright's default 5 s to settle a page.
    timeout: 60_000,
    expect: { timeout: 10_000 },
    reporter: ci ? [['list'], ['html', { open: 'never' }]] : 'list',
    globalSetup: fileURLToPath(new URL('./global-setup.ts', import.meta.url)),
    metadata: { databaseName },
    use: { baseURL, trace: 'retain-on-failure', screenshot: 'only-on-failure' },
    projects: [
      {
        name: 'chromium',
        use: {
          ...devices['Desktop Chrome'],
          launchOptions: {
            executablePath: testEnv.CHROMIUM_PATH,
            args: [
              '--no-sandbox',
              '--disable-gpu',
              '--disable-dev-shm-usage',
              '--disable-background-networking',
              '--disable-component-update',
              '--disable-sync',
              '--no-first-run',
            ],
          },
        },
      },
    ],
    webServer: [
      ...extraServers.map((server) => ({
        command: server.command,
        port: server.port,
        cwd: server.cwd ?? workspaceRoot,
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: 'pipe' as const,
        stderr: 'pipe' as const,
        env: server.env ?? {},
      })),
      {
        // The built app (turbo runs `build` before `test:e2e`). Playwright starts it before
        // globalSetup runs; the readiness URL (/signin) needs no database.
        command: 'pnpm start',
        url: `${baseURL}/signin`,
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: 'pipe',
        stderr: 'pipe',
        env: {
          PORT: String(port),
          DATABASE_URL: databaseUrl(databaseName),
          REDIS_URL: testEnv.TEST_REDIS_URL,
          AUTH_SECRET: testEnv.E2E_AUTH_SECRET,
          TICKET_SIGNING_SECRET: testEnv.E2E_TICKET_SIGNING_SECRET,
          REALTIME_TOKEN_SECRET: E2E_REALTIME_TOKEN_SECRET,
          AUTH_TRUST_HOST: 'true',
          ...env,
        },
      },
    ],
  });
}

import { defineConfig, devices } from '@playwright/test';
import { e2eDatabaseUrl, e2eRedisUrl } from './e2e/database';
import { BOOKING_SITE_URL } from './e2e/booking-site';

const PORT = 3101;
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Debian's Chromium: never `playwright install` (no machine here downloads browsers).
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  webServer: {
    // The built app (turbo runs `build` before `test:e2e`).
    command: 'pnpm start',
    url: `${baseURL}/signin`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      DATABASE_URL: e2eDatabaseUrl,
      REDIS_URL: e2eRedisUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-only-secret-0123456789abcdef0123456789',
      AUTH_TRUST_HOST: 'true',
      // The booking site a refused customer is sent to (not started: only the link is checked).
      NEXT_PUBLIC_WEB_URL: BOOKING_SITE_URL,
    },
  },
});

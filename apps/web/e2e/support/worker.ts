import { startQueueWorker as startSuiteQueueWorker } from '@tessera/playwright-config/queue-worker';
import { E2E_DATABASE } from './database-name';

/** The worker's queue role against this suite's database, for tests that need a message it sends. */
export function startQueueWorker() {
  return startSuiteQueueWorker({
    databaseName: E2E_DATABASE,
    queuePrefix: `tessera-e2e-web-${process.pid}`,
    siteUrl: 'http://127.0.0.1:3100',
  });
}

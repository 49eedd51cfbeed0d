export { createTestDatabase, type TestDatabase } from './database';
export { childProcessEnv, testEnv } from './env';
export { recreateDemoDatabase } from './e2e';

export { createTestDatabase, type TestDatabase } from './database';
export { childProcessEnv, testEnv } from './env';

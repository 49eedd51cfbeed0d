export { createTestDatabase, type TestDatabase } from './database';
export { testEnv } from './env';

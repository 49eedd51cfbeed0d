import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each test spawns the worker through tsx: about a second alone, several under a parallel `turbo run test`.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});

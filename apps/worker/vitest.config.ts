import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Integration tests spawn the worker through tsx (a second or two to compile and connect).
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

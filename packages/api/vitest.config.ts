import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Race tests open up to 32 connections each; two files at once stay well inside
    // PostgreSQL's default of 100 alongside the other packages' tests.
    maxWorkers: 2,
    // Staff procedures that read the worker's queues (dead letter) never touch the development ones.
    env: { QUEUE_PREFIX: 'tessera-test-api' },
  },
});

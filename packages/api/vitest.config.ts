import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Race tests open up to 32 connections each; two files at once stay well inside
    // PostgreSQL's default of 100 alongside the other packages' tests.
    maxWorkers: 2,
  },
});

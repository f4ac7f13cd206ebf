import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Files run in parallel on SQLite and PostgreSQL alike: each test database is its own SQLite file or PostgreSQL
    // schema, and the tests that end connections pick them by application_name. (One at a time, the PostgreSQL run
    // took 15 of CI's 20 minutes once every route had response schemas to compile per app.)
    fileParallelism: true,
    // Vitest's default is one worker fewer than the CPUs: on CI's two cores that is one file at a time.
    maxWorkers: 2,
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Integration tests share one PostgreSQL database: run files one at a time there.
    fileParallelism: !process.env.TEST_DATABASE_URL,
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';

// Three projects so `npm test` can run the API suite once per database and name each run.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.api.test.ts'] } },
      { test: { name: 'api', include: ['src/**/*.api.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 } },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A page waits on the server and a re-render; on a loaded CI machine that takes longer than
          // expect.poll's default second, and a slow answer is not a wrong one.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});

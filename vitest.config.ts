import { defineConfig } from 'vitest/config';

/**
 * Tests about the encrypted SQLite file itself (its key, cipher, pages, disk, backups of the file, the
 * anchor file beside it, the CLI's --db commands): they run on SQLite only and say so in their header.
 */
const SQLITE_ONLY = [
  'test/integration/platform/store.test.ts',
  'test/integration/platform/crash.test.ts',
  'test/integration/platform/diskFull.test.ts',
  'test/integration/platform/quickCheck.test.ts',
  'test/integration/platform/cli.test.ts',
  'test/integration/platform/ipc.test.ts',
  'test/integration/server/serveTrial.test.ts',
  'test/integration/backups/**',
];

const integration = { environment: 'node' as const, testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    // Two files at a time (vitest's default is one fewer than the cores, one here): the PostgreSQL suite
    // waits on its server much of the time, and the two integration projects together would take 20 minutes.
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], ...integration } },
      {
        // The same integration suite on PostgreSQL (issue 19): a throwaway cluster for the run, a database per test.
        test: {
          name: 'integration-pg',
          include: ['test/integration/**/*.test.ts', 'test/postgres/**/*.test.ts'],
          exclude: SQLITE_ONLY,
          env: { LUUKKU_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/setup/postgres.ts'],
          ...integration,
        },
      },
      {
        // The main journeys again, over the real county server: HTTPS, its session cookie, fetch, live updates.
        test: {
          name: 'e2e-server',
          include: ['test/e2e/intake.test.ts', 'test/e2e/roster.test.ts', 'test/e2e/team.test.ts'],
          // Honoured per project, though ProjectConfig's type does not list it.
          ...({
            testNamePattern:
              /registers a notification, shows it|generates a month, refuses a drag|a lead moves an absent worker/,
          } as object),
          env: { LUUKKU_E2E_TRANSPORT: 'server' },
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
